namespace HealthStats.Warehouse.Indicators;

/// <summary>What to compute: the dimensions to break down by, the filters, and the standard population for standardised rates.</summary>
public sealed record IndicatorRequest
{
    public IReadOnlyList<string> By { get; init; } = [];

    public IReadOnlyList<KeyValuePair<string, string>> Where { get; init; } = [];

    /// <summary>The standard population's stored name; null for the default (CAN2011).</summary>
    public string? Standard { get; init; }

    /// <summary>Keep the N rows of highest value of the last --by dimension, within each combination of the others; null keeps all.</summary>
    public int? Top { get; init; }
}
