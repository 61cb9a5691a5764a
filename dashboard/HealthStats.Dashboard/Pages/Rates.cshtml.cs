using HealthStats.Dashboard.Accounts;
using HealthStats.Dashboard.Charts;
using HealthStats.Dashboard.Filters;
using HealthStats.Dashboard.Hosting;
using HealthStats.Dashboard.Rates;
using HealthStats.Warehouse.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HealthStats.Dashboard.Pages;

[Authorize(Roles = PageRoles.Everyone)]
public sealed class RatesModel(ChartCatalog charts, FilterChoicesCache filterChoices, WarehouseDatabase database, CachedIndicators indicators, AnswerCache cache) : PageModel
{
    public PopulationHoldings Holdings { get; private set; } = new([], []);

    public RateQuery? Query { get; private set; }

    public FilterBar? Filters { get; private set; }

    public RateTable? Standardised { get; private set; }

    public RateTable? Crude { get; private set; }

    public RateTable? AgeSpecific { get; private set; }

    public ChartView? Chart { get; private set; }

    public void OnGet()
    {
        Holdings = cache.GetOrAdd("population-holdings", () => PopulationHoldings.Load(database));
        var filter = DashboardFilter.FromQuery(Request.Query);
        Query = RateQuery.For(filter, Request.Query, Holdings);
        Filters = FilterBar.For(HttpContext, filterChoices.Current(), Query.NotApplied);
        if (!Holdings.HasPopulations)
            return;
        if (Holdings.HasStandard(Query.Standard))
        {
            Standardised = RateTable.Compute(indicators, Query, RateQuery.StandardisedId, bySeries: true);
            Chart = charts.View("age-standardised-rate", HttpContext);
        }
        Crude = RateTable.Compute(indicators, Query, RateQuery.CrudeId, bySeries: true);
        AgeSpecific = RateTable.Compute(indicators, Query, RateQuery.AgeSpecificId, bySeries: false);
    }
}
