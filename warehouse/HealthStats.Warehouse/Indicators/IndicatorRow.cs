namespace HealthStats.Warehouse.Indicators;

/// <summary>One row of an indicator: its dimension values (by id, in --by order), the value, and what applies of numerator, denominator and 95% limits.</summary>
public sealed record IndicatorRow(
    IReadOnlyList<KeyValuePair<string, string?>> Dimensions,
    double? Value,
    double? Numerator = null,
    double? Denominator = null,
    double? CiLow = null,
    double? CiHigh = null);
