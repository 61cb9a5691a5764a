namespace HealthStats.Warehouse.Indicators;

/// <summary>What to compute: the dimensions to break down by, the filters, and the standard population for standardised rates.</summary>
public sealed record IndicatorRequest
{
    public IReadOnlyList<string> By { get; init; } = [];

    /// <summary>Filters: a row is kept when, for each dimension named, its value is one of those given for it.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Where { get; init; } = [];

    /// <summary>
    /// Whether a filter value the source never holds is an error naming the values it does (the CLI, where
    /// it is most likely a typing mistake) or simply matches nothing (the dashboard, whose filters apply
    /// across pages and years that need not hold every value).
    /// </summary>
    public bool RequireKnownValues { get; init; } = true;

    /// <summary>The standard population's stored name; null for the default (CAN2011).</summary>
    public string? Standard { get; init; }

    /// <summary>Keep the N rows of highest value of the last --by dimension, within each combination of the others; null keeps all.</summary>
    public int? Top { get; init; }
}
