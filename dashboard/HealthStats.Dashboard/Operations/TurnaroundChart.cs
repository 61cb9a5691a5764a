using HealthStats.Dashboard.Accounts;
using HealthStats.Dashboard.Charts;
using HealthStats.Dashboard.Figures;
using HealthStats.Dashboard.Filters;
using HealthStats.Warehouse.Indicators;

namespace HealthStats.Dashboard.Operations;

/// <summary>Median coding turnaround per month of discharge, one line per facility. Staff only, as its page.</summary>
public sealed class TurnaroundChart : DashboardChart
{
    private const string Title = "Median coding turnaround by month of discharge and facility";

    public override string Id => "coding-turnaround";

    public override string Roles => PageRoles.Staff;

    public override ChartContent Make(ChartRequest request)
    {
        var filtered = FilteredRequest.For(IndicatorLibrary.Find("coding_turnaround_median"), request.Filter, request.Choices, ["month", "facility"]);
        var points = request.Indicators.Compute("coding_turnaround_median", filtered.Request).Rows
            .Where(r => r.Value is not null)
            .Select(r => (Series: r.Dimension("facility") ?? "", Month: r.Dimension("month")!, Value: r.Value!.Value))
            .ToList();
        var table = new ChartTable(["month", "facility", "median_turnaround_days"],
            points.Select(p => (IReadOnlyList<object?>)[p.Month, p.Series, p.Value]).ToList());
        if (points.Count == 0)
            return ChartContent.Empty(Title, "No completed abstracts match the filters.", table);
        var plot = ChartStyle.NewPlot(Title, "Month of discharge", "Days from discharge to abstract completed (median)");
        MonthLines.Add(plot, points, "Other facilities");
        return new ChartContent(plot, table);
    }
}
