using HealthStats.Dashboard.Accounts;
using HealthStats.Dashboard.Charts;
using HealthStats.Dashboard.Diagnoses;
using HealthStats.Dashboard.DrillDown;
using HealthStats.Dashboard.Filters;
using HealthStats.Dashboard.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HealthStats.Dashboard.Pages;

/// <summary>Most responsible diagnoses drilled down ICD-10 (chapter, block, category, code) or by CCSR category, under the dashboard's filters.</summary>
[Authorize(Roles = PageRoles.Everyone)]
public sealed class DiagnosesModel(ChartCatalog charts, FilterChoicesCache filterChoices, CachedIndicators indicators) : PageModel
{
    public FilterBar? Filters { get; private set; }

    public DrillView? Drill { get; private set; }

    public bool ByCcsr { get; private set; }

    /// <summary>The page in the other view, with the filters but none of this view's codes.</summary>
    public string OtherViewHref => "/Diagnoses" + (Drill?.Filter ?? DashboardFilter.None).QueryString(("view", ByCcsr ? null : DiagnosisHierarchies.CcsrView));

    public void OnGet()
    {
        var hierarchy = DiagnosisHierarchies.For(Request.Query["view"].ToString());
        ByCcsr = hierarchy == DiagnosisHierarchies.Ccsr;
        var choices = filterChoices.Current();
        Drill = DrillView.Load(indicators, "/Diagnoses", hierarchy, HttpContext, choices, charts.View(DiagnosesChart.ChartId, HttpContext));
        Filters = FilterBar.For(HttpContext, choices, Drill.Counts.NotApplied);
    }
}
