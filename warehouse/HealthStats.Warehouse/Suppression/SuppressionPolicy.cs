namespace HealthStats.Warehouse.Suppression;

/// <summary>
/// What an extract may not release, and how well what it withholds must be protected.
/// </summary>
public sealed record SuppressionPolicy
{
    /// <summary>CIHI: counts 1 to 4 suppressed, regions under 20,000 people not reported.</summary>
    public static SuppressionPolicy Cihi { get; } = new() { Name = "CIHI", Threshold = 5, MinimumRegionPopulation = 20_000 };

    /// <summary>HCUP: counts 1 to 10 suppressed.</summary>
    public static SuppressionPolicy Hcup { get; } = new() { Name = "HCUP", Threshold = 11 };

    /// <summary>CMS cell size suppression: counts 1 to 10 suppressed.</summary>
    public static SuppressionPolicy Cms { get; } = new() { Name = "CMS", Threshold = 11 };

    public required string Name { get; init; }

    /// <summary>The smallest count released: counts from 1 to Threshold - 1 are suppressed (CIHI 5, HCUP and CMS 11).</summary>
    public required int Threshold
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Threshold), value, "the threshold is at least 1");
    }

    /// <summary>Whether zero counts are suppressed too; by default they are released.</summary>
    public bool SuppressZeros { get; init; }

    /// <summary>Regions with fewer people than this are not reported (every cell of theirs is suppressed); null: no minimum.</summary>
    public long? MinimumRegionPopulation { get; init; }

    /// <summary>The dimension whose codes are regions with populations.</summary>
    public string RegionDimension { get; init; } = "region";

    /// <summary>
    /// How wide the feasible interval of every suppressed cell must be: from what the extract releases, a
    /// reader can only place a suppressed count in [low, high] with high - low at least this. Null: the
    /// threshold, so that a reader can never narrow a cell down to fewer than Threshold + 1 possible counts.
    /// </summary>
    public int? ProtectionWidth
    {
        get;
        init => field = value is null or >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(ProtectionWidth), value, "the protection width is at least 1");
    }

    public int RequiredWidth => ProtectionWidth ?? Threshold;

    public bool IsSmall(long count) => count >= 1 && count < Threshold;
}
