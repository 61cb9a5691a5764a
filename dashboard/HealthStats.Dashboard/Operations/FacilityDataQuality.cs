using HealthStats.Dashboard.Figures;
using HealthStats.Dashboard.Filters;
using HealthStats.Dashboard.Hosting;

namespace HealthStats.Dashboard.Operations;

/// <summary>
/// Warning and quarantine rates by facility and over all of them. The quarantine rate is by the month a
/// batch was loaded, not by discharge, so the fiscal-year filter does not narrow it (the page says so).
/// </summary>
public sealed record FacilityDataQuality(JoinedIndicators ByFacility, JoinedIndicators AllFacilities)
{
    public static readonly IReadOnlyList<string> IndicatorIds = ["warning_rate", "quarantine_rate"];

    public static FacilityDataQuality Compute(CachedIndicators indicators, DashboardFilter filter, FilterChoices choices) => new(
        JoinedIndicators.Compute(indicators, filter, choices, IndicatorIds, ["facility"]),
        JoinedIndicators.Compute(indicators, filter, choices, IndicatorIds, []));
}
