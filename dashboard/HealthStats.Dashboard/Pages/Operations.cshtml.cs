using HealthStats.Dashboard.Accounts;
using HealthStats.Dashboard.Charts;
using HealthStats.Dashboard.Figures;
using HealthStats.Dashboard.Filters;
using HealthStats.Dashboard.Hosting;
using HealthStats.Dashboard.Operations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HealthStats.Dashboard.Pages;

/// <summary>HIM operations: coding turnaround, coders' volumes and data quality. Coder-level figures, so not for ministry users.</summary>
[Authorize(Roles = PageRoles.Staff)]
public sealed class OperationsModel(ChartCatalog charts, FilterChoicesCache filterChoices, CachedIndicators indicators) : PageModel
{
    public FilterBar? Filters { get; private set; }

    public CodingTurnaround? Turnaround { get; private set; }

    public IReadOnlyList<CoderWorkload> Coders { get; private set; } = [];

    public IReadOnlyList<string> CodersNotApplied { get; private set; } = [];

    public FacilityDataQuality? Quality { get; private set; }

    public ChartView? TurnaroundChart { get; private set; }

    public ChartView? CoderChart { get; private set; }

    public ChartView? QualityChart { get; private set; }

    public void OnGet()
    {
        var choices = filterChoices.Current();
        if (choices.Facilities.Count == 0)
            return;
        var filter = DashboardFilter.FromQuery(Request.Query);
        Turnaround = CodingTurnaround.Compute(indicators, filter, choices);
        (Coders, CodersNotApplied) = CoderWorkload.Compute(indicators, filter, choices);
        Quality = FacilityDataQuality.Compute(indicators, filter, choices);
        Filters = FilterBar.For(HttpContext, choices, Turnaround.ByFacility.NotApplied.Concat(CodersNotApplied).Concat(Quality.ByFacility.NotApplied));
        TurnaroundChart = charts.View("coding-turnaround", HttpContext);
        CoderChart = charts.View("abstracts-per-coder", HttpContext);
        QualityChart = charts.View("data-quality-by-facility", HttpContext);
    }
}
