namespace HealthStats.Etl.Generation;

/// <summary>A submitting hospital: its size, home region and coders. Facility 0 is the tertiary centre.</summary>
internal sealed class Facility
{
    public required int Index { get; init; }

    public required string Id { get; init; }

    public required double Weight { get; init; }

    public required int Region { get; init; }

    public required string[] CoderIds { get; init; }

    /// <summary>Median coding turnaround in days for each coder: some coders run behind.</summary>
    public required double[] CoderTurnaround { get; init; }

    /// <summary>Odd multiplier and offset of this facility's chart-number permutation.</summary>
    public required long ChartMultiplier { get; init; }

    public required long ChartOffset { get; init; }

    public bool IsCentre => Index == 0;
}
