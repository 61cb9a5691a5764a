using System.Globalization;
using HealthStats.Warehouse.Indicators;

namespace HealthStats.Dashboard.Filters;

/// <summary>
/// The dashboard's filters as an indicator's --where: each filter the indicator has a dimension for, and
/// the names of those it has none for, which the page says it could not apply rather than ignore silently.
/// </summary>
public sealed record FilteredRequest(IndicatorRequest Request, IReadOnlyList<string> NotApplied)
{
    private const string NoYear = "none";

    public static FilteredRequest For(Indicator indicator, DashboardFilter filter, FilterChoices choices, IReadOnlyList<string> by, int? top = null)
    {
        var dimensions = indicator.Dimensions.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var where = new List<KeyValuePair<string, string>>();
        var notApplied = new List<string>();

        if (filter.FiscalYearsKept(choices.FiscalYears) is { } years)
        {
            if (dimensions.Contains("fiscal_year"))
                where.AddRange((years.Count == 0 ? [NoYear] : years.Select(y => y.ToString(CultureInfo.InvariantCulture))).Select(y => new KeyValuePair<string, string>("fiscal_year", y)));
            else
                notApplied.Add("fiscal year");
        }
        foreach (var (id, label, value) in new[]
                 {
                     ("facility", "facility", filter.Facility), ("region", "region", filter.Region), ("age_group", "age group", filter.AgeGroup),
                     ("sex", "sex", filter.Sex), ("admit_category", "admit category", filter.AdmitCategory),
                 })
        {
            if (value is null)
                continue;
            if (dimensions.Contains(id))
                where.Add(new(id, value));
            else
                notApplied.Add(label);
        }
        return new FilteredRequest(new IndicatorRequest { By = by, Where = where, Top = top, RequireKnownValues = false }, notApplied);
    }
}
