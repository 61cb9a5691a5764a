using HealthStats.Dashboard.Accounts;
using HealthStats.Dashboard.Charts;
using HealthStats.Dashboard.Figures;

namespace HealthStats.Dashboard.Operations;

/// <summary>Warning and quarantine rates side by side for each facility. Staff only, as its page.</summary>
public sealed class DataQualityChart : DashboardChart
{
    private const string Title = "Abstracts with validation warnings and records quarantined, by facility";

    public override string Id => "data-quality-by-facility";

    public override string Roles => PageRoles.Staff;

    public override ChartContent Make(ChartRequest request)
    {
        var rows = FacilityDataQuality.Compute(request.Indicators, request.Filter, request.Choices).ByFacility.Rows;
        var facilities = rows.Select(r => r.Key[0]).ToList();
        var table = new ChartTable(["facility", "warning_rate_percent", "quarantine_rate_percent"],
            rows.Select(r => (IReadOnlyList<object?>)[r.Key[0], r.Value("warning_rate"), r.Value("quarantine_rate")]).ToList());
        if (rows.Count == 0)
            return ChartContent.Empty(Title, "No abstracts match the filters.", table);
        var plot = ChartStyle.NewPlot(Title, "Facility", "Percent");
        GroupedBars.Add(plot, facilities,
        [
            ("With warnings (% of current abstracts)", rows.Select(r => r.Value("warning_rate")).ToList()),
            ("Quarantined (% of records submitted)", rows.Select(r => r.Value("quarantine_rate")).ToList()),
        ]);
        return new ChartContent(plot, table);
    }
}
