using HealthStats.Dashboard.Filters;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Dashboard.Charts;

/// <summary>Every chart of the dashboard by id, drawn for a request: the page's inline SVG and the downloads alike.</summary>
public sealed class ChartCatalog(IEnumerable<DashboardChart> charts, WarehouseDatabase database, FilterChoicesCache choices)
{
    private readonly Dictionary<string, DashboardChart> byId = charts.ToDictionary(c => c.Id, StringComparer.Ordinal);

    public IReadOnlyCollection<DashboardChart> All => byId.Values;

    public DashboardChart? Find(string id) => byId.GetValueOrDefault(id);

    public ChartContent Make(DashboardChart chart, HttpContext context) =>
        chart.Make(new ChartRequest(database, DashboardFilter.FromQuery(context.Request.Query), choices.Current(), context.Request.Query));

    /// <summary>The chart as a page shows it: its SVG, and its download links carrying the page's query string.</summary>
    public ChartView View(string id, HttpContext context)
    {
        var chart = Find(id) ?? throw new InvalidOperationException($"no chart '{id}' is registered");
        var content = Make(chart, context);
        return new ChartView(id, content.Plot.GetSvgXml(content.Width, content.Height), context.Request.QueryString.Value ?? "");
    }
}

/// <summary>A chart ready for a page: its id, SVG and the query string its downloads repeat.</summary>
public sealed record ChartView(string Id, string Svg, string Query)
{
    public string Download(string format) => $"/charts/{Id}.{format}{Query}";
}
