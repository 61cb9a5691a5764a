namespace HealthStats.Dashboard.Filters;

/// <summary>
/// What the filter bar partial shows: the filters in force, the choices, the filters this page could not
/// apply, and the page's own query parameters (a drill-down level), which applying filters keeps.
/// </summary>
public sealed record FilterBar(DashboardFilter Filter, FilterChoices Choices, IReadOnlyList<string> NotApplied, IReadOnlyList<KeyValuePair<string, string>> Kept)
{
    public static FilterBar For(HttpContext context, FilterChoices choices, IEnumerable<string>? notApplied = null) => new(
        DashboardFilter.FromQuery(context.Request.Query),
        choices,
        (notApplied ?? []).Distinct(StringComparer.Ordinal).ToList(),
        context.Request.Query
            .Where(q => !DashboardFilter.QueryKeys.Contains(q.Key, StringComparer.Ordinal) && !string.IsNullOrEmpty(q.Value))
            .Select(q => new KeyValuePair<string, string>(q.Key, q.Value.ToString()))
            .ToList());
}
