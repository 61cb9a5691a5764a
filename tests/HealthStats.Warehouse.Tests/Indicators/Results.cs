using HealthStats.Warehouse.Indicators;

namespace HealthStats.Warehouse.Tests.Indicators;

/// <summary>An indicator's rows as (dimension values joined by '|', value), for comparing with hand-computed tables.</summary>
internal static class Results
{
    public static Dictionary<string, double?> Values(this IndicatorResult result) =>
        result.Rows.ToDictionary(r => string.Join('|', r.Dimensions.Select(d => d.Value)), r => r.Value);

    public static IndicatorRow Single(this IndicatorResult result, string key) =>
        result.Rows.Single(r => string.Join('|', r.Dimensions.Select(d => d.Value)) == key);
}
