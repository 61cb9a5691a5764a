using HealthStats.Dashboard.Accounts;
using HealthStats.Dashboard.Charts;
using HealthStats.Dashboard.Facilities;
using HealthStats.Dashboard.Figures;
using HealthStats.Dashboard.Filters;
using HealthStats.Dashboard.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HealthStats.Dashboard.Pages;

[Authorize(Roles = PageRoles.Everyone)]
public sealed class FacilitiesModel(ChartCatalog charts, FilterChoicesCache filterChoices, CachedIndicators indicators) : PageModel
{
    public FilterBar? Filters { get; private set; }

    public FacilityComparison? Comparison { get; private set; }

    public IReadOnlyList<int> YearsShown { get; private set; } = [];

    public ChartView? DischargesChart { get; private set; }

    public ChartView? StayChart { get; private set; }

    public void OnGet()
    {
        var choices = filterChoices.Current();
        if (choices.Facilities.Count == 0)
            return;
        var filter = DashboardFilter.FromQuery(Request.Query);
        Comparison = FacilityComparison.Compute(indicators, filter, choices);
        YearsShown = filter.FiscalYearsKept(choices.FiscalYears) ?? choices.FiscalYears;
        Filters = FilterBar.For(HttpContext, choices, Comparison.NotApplied);
        DischargesChart = charts.View("facility-discharges", HttpContext);
        StayChart = charts.View("facility-length-of-stay", HttpContext);
    }
}
