using DuckDB.NET.Data;

namespace HealthStats.Warehouse.Indicators;

/// <summary>
/// One indicator, defined once: what it measures and how, which the CLI, the dashboard and extracts all
/// read from here, so that they serve the same numbers.
/// </summary>
public abstract class Indicator
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Definition { get; init; }

    public required string Numerator { get; init; }

    /// <summary>Null for a count, which has no denominator.</summary>
    public string? Denominator { get; init; }

    public required string Inclusions { get; init; }

    public required string Exclusions { get; init; }

    public required string Unit { get; init; }

    public required IReadOnlyList<Dimension> Dimensions { get; init; }

    /// <summary>Whether rows carry 95% confidence limits.</summary>
    public virtual bool HasInterval => false;

    /// <summary>The dimensions the rows are broken down by: those asked for, and any the indicator always has.</summary>
    internal virtual IReadOnlyList<string> Breakdown(IReadOnlyList<string> requested) => requested;

    internal abstract IReadOnlyList<IndicatorRow> Compute(DuckDBConnection connection, IndicatorRequest request);

    internal Dimension DimensionNamed(string id) =>
        Dimensions.FirstOrDefault(d => d.Id == id)
        ?? throw new IndicatorRequestException(
            $"indicator '{Id}' has no dimension '{id}'; its dimensions are: {string.Join(", ", Dimensions.Select(d => d.Id))}");
}
