using HealthStats.Dashboard.Accounts;
using HealthStats.Dashboard.Charts;
using HealthStats.Dashboard.Figures;

namespace HealthStats.Dashboard.Operations;

/// <summary>Abstracts completed per coder per month. Coder-level, so Staff only, as its page.</summary>
public sealed class CoderVolumeChart : DashboardChart
{
    private const string Title = "Abstracts coded per coder per month";

    public override string Id => "abstracts-per-coder";

    public override string Roles => PageRoles.Staff;

    public override ChartContent Make(ChartRequest request)
    {
        var points = CoderWorkload.Monthly(request.Indicators, request.Filter, request.Choices).Rows
            .Select(r => (Series: r.Dimension("coder") ?? "", Month: r.Dimension("completed_month")!, Value: r.Value ?? 0))
            .ToList();
        var table = new ChartTable(["coder", "completed_month", "abstracts"],
            points.Select(p => (IReadOnlyList<object?>)[p.Series, p.Month, p.Value]).ToList());
        if (points.Count == 0)
            return ChartContent.Empty(Title, "No completed abstracts match the filters.", table);
        var plot = ChartStyle.NewPlot(Title, "Month completed", "Abstracts completed");
        MonthLines.Add(plot, points, "Other coders");
        return new ChartContent(plot, table);
    }
}
