namespace HealthStats.Warehouse.Extracts;

/// <summary>One table of an extract: an indicator broken down by dimensions, narrowed by filters (dimension -> values kept).</summary>
public sealed record ExtractTableSpec(
    string Name,
    string Indicator,
    IReadOnlyList<string> Dimensions,
    IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Filters);
