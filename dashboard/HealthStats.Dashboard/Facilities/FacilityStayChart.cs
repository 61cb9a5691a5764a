using HealthStats.Dashboard.Accounts;
using HealthStats.Dashboard.Charts;
using HealthStats.Dashboard.Figures;
using HealthStats.Dashboard.Filters;
using HealthStats.Warehouse.Indicators;

namespace HealthStats.Dashboard.Facilities;

/// <summary>
/// Average and median acute length of stay of typical stays by facility: a mean well above its median
/// points at a few long stays rather than generally longer ones.
/// </summary>
public sealed class FacilityStayChart : DashboardChart
{
    private const string Title = "Acute length of stay of typical stays by facility";

    public override string Id => "facility-length-of-stay";

    public override string Roles => PageRoles.Everyone;

    public override ChartContent Make(ChartRequest request)
    {
        var alos = ByFacility(request, "alos_typical");
        var median = ByFacility(request, "median_los_typical");
        var facilities = alos.Keys.Concat(median.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var table = new ChartTable(["facility", "alos_typical_days", "median_los_typical_days"],
            facilities.Select(f => (IReadOnlyList<object?>)[f, alos.GetValueOrDefault(f), median.GetValueOrDefault(f)]).ToList());
        if (facilities.Count == 0)
            return ChartContent.Empty(Title, "No typical stays match the filters.", table);

        var plot = ChartStyle.NewPlot(Title, "Facility", "Acute days");
        GroupedBars.Add(plot, facilities,
        [
            ("Average (ALOS)", facilities.Select(f => alos.GetValueOrDefault(f)).ToList()),
            ("Median", facilities.Select(f => median.GetValueOrDefault(f)).ToList()),
        ]);
        return new ChartContent(plot, table);
    }

    private Dictionary<string, double?> ByFacility(ChartRequest request, string indicatorId)
    {
        var filtered = FilteredRequest.For(IndicatorLibrary.Find(indicatorId), request.Filter, request.Choices, ["facility"]);
        return request.Indicators.Compute(indicatorId, filtered.Request).Rows
            .Where(r => r.Dimension("facility") is not null)
            .ToDictionary(r => r.Dimension("facility")!, r => r.Value, StringComparer.Ordinal);
    }
}
