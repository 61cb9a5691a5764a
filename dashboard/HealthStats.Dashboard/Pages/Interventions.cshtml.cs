using HealthStats.Dashboard.Accounts;
using HealthStats.Dashboard.Charts;
using HealthStats.Dashboard.DrillDown;
using HealthStats.Dashboard.Filters;
using HealthStats.Dashboard.Hosting;
using HealthStats.Dashboard.Interventions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HealthStats.Dashboard.Pages;

/// <summary>Interventions coded, drilled down from section to body system to code, under the dashboard's filters.</summary>
[Authorize(Roles = PageRoles.Everyone)]
public sealed class InterventionsModel(ChartCatalog charts, FilterChoicesCache filterChoices, CachedIndicators indicators) : PageModel
{
    public FilterBar? Filters { get; private set; }

    public DrillView? Drill { get; private set; }

    public void OnGet()
    {
        var choices = filterChoices.Current();
        Drill = DrillView.Load(indicators, "/Interventions", InterventionHierarchy.Classification, HttpContext, choices, charts.View(InterventionsChart.ChartId, HttpContext));
        Filters = FilterBar.For(HttpContext, choices, Drill.Counts.NotApplied);
    }
}
