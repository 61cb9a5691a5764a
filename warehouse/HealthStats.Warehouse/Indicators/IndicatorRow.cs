namespace HealthStats.Warehouse.Indicators;

/// <summary>One row of an indicator: its dimension values (by id, in --by order), the value, and what applies of numerator, denominator and 95% limits.</summary>
public sealed record IndicatorRow(
    IReadOnlyList<KeyValuePair<string, string?>> Dimensions,
    double? Value,
    double? Numerator = null,
    double? Denominator = null,
    double? CiLow = null,
    double? CiHigh = null)
{
    /// <summary>The row's value of a dimension (or of a dimension's title column, e.g. chapter_title); null when it has none.</summary>
    public string? Dimension(string id) => Dimensions.FirstOrDefault(d => d.Key == id).Value;
}
