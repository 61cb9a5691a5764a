using HealthStats.Dashboard.Figures;
using HealthStats.Dashboard.Filters;
using HealthStats.Dashboard.Hosting;
using HealthStats.Warehouse.Indicators;

namespace HealthStats.Dashboard.Facilities;

/// <summary>
/// Facilities side by side over the filtered fiscal years: each indicator computed by facility, and once
/// over all facilities, since a total cannot be added up from ratios and medians.
/// </summary>
public sealed record FacilityComparison(IReadOnlyList<string> Facilities, IReadOnlyList<FacilityColumn> Columns)
{
    public static readonly IReadOnlyList<string> IndicatorIds =
        ["discharges", "patient_days", "alos_typical", "median_los_typical", "in_hospital_mortality", "readmission_30d"];

    public IEnumerable<string> NotApplied => Columns.SelectMany(c => c.NotApplied);

    public static FacilityComparison Compute(CachedIndicators indicators, DashboardFilter filter, FilterChoices choices)
    {
        var columns = IndicatorIds.Select(id =>
        {
            var indicator = IndicatorLibrary.Find(id);
            var byFacility = FilteredRequest.For(indicator, filter, choices, ["facility"]);
            var overall = FilteredRequest.For(indicator, filter, choices, []);
            var values = indicators.Compute(id, byFacility.Request).Rows
                .Where(r => r.Dimension("facility") is not null)
                .ToDictionary(r => r.Dimension("facility")!, r => r.Value, StringComparer.Ordinal);
            var all = indicators.Compute(id, overall.Request).Rows.SingleOrDefault()?.Value;
            return new FacilityColumn(indicator, values, all, byFacility.NotApplied);
        }).ToList();
        // Every facility that any indicator has a figure for, so that one with discharges but no follow-up still shows.
        var facilities = columns.SelectMany(c => c.ByFacility.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        return new FacilityComparison(facilities, columns);
    }
}
