using HealthStats.Dashboard.Figures;
using HealthStats.Dashboard.Filters;
using HealthStats.Dashboard.Hosting;

namespace HealthStats.Dashboard.Operations;

/// <summary>
/// Coding turnaround (discharge to abstract completed) by fiscal year of discharge and facility, with
/// each year over all facilities: medians and percentiles cannot be added up from the facilities' own.
/// </summary>
public sealed record CodingTurnaround(JoinedIndicators ByFacility, JoinedIndicators AllFacilities)
{
    public static readonly IReadOnlyList<string> IndicatorIds =
        ["coding_turnaround_median", "coding_turnaround_p90", "coded_within_30_days", "abstracts_coded"];

    public IReadOnlyList<string> FiscalYears => AllFacilities.Rows.Select(r => r.Key[0]).ToList();

    public IEnumerable<JoinedRow> FacilitiesOf(string fiscalYear) => ByFacility.Rows.Where(r => r.Key[0] == fiscalYear);

    public JoinedRow? AllOf(string fiscalYear) => AllFacilities.Rows.FirstOrDefault(r => r.Key[0] == fiscalYear);

    public static CodingTurnaround Compute(CachedIndicators indicators, DashboardFilter filter, FilterChoices choices) => new(
        JoinedIndicators.Compute(indicators, filter, choices, IndicatorIds, ["fiscal_year", "facility"]),
        JoinedIndicators.Compute(indicators, filter, choices, IndicatorIds, ["fiscal_year"]));
}
