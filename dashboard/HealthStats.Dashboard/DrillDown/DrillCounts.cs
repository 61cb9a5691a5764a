using HealthStats.Dashboard.Filters;
using HealthStats.Dashboard.Hosting;
using HealthStats.Warehouse.Indicators;

namespace HealthStats.Dashboard.DrillDown;

/// <summary>
/// The counts at a drill-down's level under the dashboard's filters and the codes chosen above, most
/// frequent first, each with its share of their total: one question to the indicator library, so that
/// the page, its chart and its CSV show what `healthstats stats` prints for the same --where.
/// </summary>
public sealed record DrillCounts(IReadOnlyList<DrillRow> Rows, IReadOnlyList<string> NotApplied)
{
    public double Total => Rows.Sum(r => r.Value);

    public static DrillCounts Compute(CachedIndicators indicators, DrillPosition position, DashboardFilter filter, FilterChoices choices)
    {
        var indicator = IndicatorLibrary.Find(position.Hierarchy.Indicator);
        var filtered = FilteredRequest.For(indicator, filter, choices, [position.Shown.Dimension]);
        var request = filtered.Request with { Where = [.. filtered.Request.Where, .. Within(position.Chosen)] };
        var rows = indicators.Compute(indicator.Id, request).Rows
            .Select(r => (Code: r.Dimension(position.Shown.Dimension) ?? "unknown", Title: r.Dimension(position.Shown.Dimension + "_title"), Value: r.Value ?? 0))
            .ToList();
        var total = rows.Sum(r => r.Value);
        return new DrillCounts(
            rows.Select(r => new DrillRow(r.Code, r.Title, r.Value, total == 0 ? 0 : 100 * r.Value / total))
                .OrderByDescending(r => r.Value).ThenBy(r => r.Code, StringComparer.Ordinal)
                .ToList(),
            filtered.NotApplied);
    }

    /// <summary>
    /// The chosen codes with their titles, asked without the dashboard's filters: a title does not depend on
    /// them, and a code the filters keep nothing of still has one.
    /// </summary>
    public static IReadOnlyList<ChosenCode> Titled(CachedIndicators indicators, DrillPosition position)
    {
        if (position.Chosen.Count == 0)
            return [];
        var request = new IndicatorRequest { By = position.Chosen.Select(c => c.Level.Dimension).ToList(), Where = Within(position.Chosen).ToList(), RequireKnownValues = false };
        var row = indicators.Compute(position.Hierarchy.Indicator, request).Rows.FirstOrDefault();
        return position.Chosen.Select(c => c with { Title = row?.Dimension(c.Level.Dimension + "_title") }).ToList();
    }

    private static IEnumerable<KeyValuePair<string, string>> Within(IEnumerable<ChosenCode> chosen) =>
        chosen.Select(c => new KeyValuePair<string, string>(c.Level.Dimension, c.Code));
}

/// <summary>One code at a drill-down's level: its title, count and percent of the level's total.</summary>
public sealed record DrillRow(string Code, string? Title, double Value, double SharePercent);
