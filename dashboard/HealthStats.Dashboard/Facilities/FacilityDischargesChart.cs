using System.Globalization;
using HealthStats.Dashboard.Accounts;
using HealthStats.Dashboard.Charts;
using HealthStats.Dashboard.Figures;
using HealthStats.Dashboard.Filters;
using HealthStats.Warehouse.Indicators;

namespace HealthStats.Dashboard.Facilities;

/// <summary>Discharges by facility, one bar per fiscal year within each facility: volumes and their trend side by side.</summary>
public sealed class FacilityDischargesChart : DashboardChart
{
    private const string Title = "Discharges by facility and fiscal year";

    public override string Id => "facility-discharges";

    public override string Roles => PageRoles.Everyone;

    public override ChartContent Make(ChartRequest request)
    {
        var filtered = FilteredRequest.For(IndicatorLibrary.Find("discharges"), request.Filter, request.Choices, ["facility", "fiscal_year"]);
        var rows = request.Indicators.Compute("discharges", filtered.Request).Rows
            .Select(r => (Facility: r.Dimension("facility")!, Year: int.Parse(r.Dimension("fiscal_year")!, CultureInfo.InvariantCulture), Discharges: r.Value ?? 0))
            .ToList();
        var table = new ChartTable(["facility", "fiscal_year", "discharges"],
            rows.Select(r => (IReadOnlyList<object?>)[r.Facility, r.Year, r.Discharges]).ToList());
        if (rows.Count == 0)
            return ChartContent.Empty(Title, "No discharges match the filters.", table);

        var facilities = rows.Select(r => r.Facility).Distinct().Order(StringComparer.Ordinal).ToList();
        var years = rows.Select(r => r.Year).Distinct().Order().ToList();
        var series = years.Select(y => (FigureFormat.FiscalYear(y),
            (IReadOnlyList<double?>)facilities.Select(f => rows.Where(r => r.Facility == f && r.Year == y).Select(r => (double?)r.Discharges).FirstOrDefault()).ToList())).ToList();
        var plot = ChartStyle.NewPlot(Title, "Facility", "Discharges (count)");
        GroupedBars.Add(plot, facilities, series);
        return new ChartContent(plot, table);
    }
}
