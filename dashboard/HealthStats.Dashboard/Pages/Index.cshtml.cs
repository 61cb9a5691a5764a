using HealthStats.Dashboard.Accounts;
using HealthStats.Dashboard.Charts;
using HealthStats.Dashboard.Filters;
using HealthStats.Dashboard.Hosting;
using HealthStats.Dashboard.Overview;
using HealthStats.Warehouse.Indicators;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HealthStats.Dashboard.Pages;

[Authorize(Roles = PageRoles.Everyone)]
public sealed class IndexModel(OverviewQueries queries, ChartCatalog charts, FilterChoicesCache filterChoices, CachedIndicators indicators) : PageModel
{
    public OverviewTotals Totals { get; private set; } = new(0, 0, 0, null);

    public FilterBar? Filters { get; private set; }

    public IReadOnlyList<Headline> Headlines { get; private set; } = [];

    public ChartView? Chart { get; private set; }

    public IReadOnlyList<DiagnosisCount> TopDiagnoses { get; private set; } = [];

    public IReadOnlyList<string> TopNotApplied { get; private set; } = [];

    public void OnGet()
    {
        Totals = queries.Totals();
        if (Totals.Abstracts == 0)
            return;
        var filter = DashboardFilter.FromQuery(Request.Query);
        var choices = filterChoices.Current();
        Headlines = Headline.Compute(indicators, filter, choices);
        TopNotApplied = FilteredRequest.For(IndicatorLibrary.Find("mrdx_discharges"), filter, choices, []).NotApplied;
        Filters = FilterBar.For(HttpContext, choices, Headlines.SelectMany(h => h.NotApplied).Concat(TopNotApplied));
        Chart = charts.View("discharges-by-chapter", HttpContext);
        TopDiagnoses = queries.TopMostResponsibleDiagnoses(filter, choices, 20);
    }
}
