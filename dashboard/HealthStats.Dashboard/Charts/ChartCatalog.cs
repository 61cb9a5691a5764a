using HealthStats.Dashboard.Filters;
using HealthStats.Dashboard.Hosting;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Dashboard.Charts;

/// <summary>
/// Every chart of the dashboard by id, drawn for a request: the page's inline SVG and the downloads
/// alike. A chart drawn once for a query is kept (its SVG and CSV) until the warehouse changes:
/// drawing the SVG costs more than the queries behind it.
/// </summary>
public sealed class ChartCatalog(IEnumerable<DashboardChart> charts, WarehouseDatabase database, FilterChoicesCache choices, AnswerCache cache, CachedIndicators indicators)
{
    // Parameters that change how a download is drawn, not what it shows.
    private static readonly HashSet<string> SizeParameters = new(StringComparer.Ordinal) { "width", "height" };

    private readonly Dictionary<string, DashboardChart> byId = charts.ToDictionary(c => c.Id, StringComparer.Ordinal);

    public IReadOnlyCollection<DashboardChart> All => byId.Values;

    public DashboardChart? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>Draws the chart afresh (a download in another size or as PNG).</summary>
    public ChartContent Make(DashboardChart chart, HttpContext context) =>
        chart.Make(new ChartRequest(database, indicators, DashboardFilter.FromQuery(context.Request.Query), choices.Current(), context.Request.Query));

    /// <summary>The chart at its own size, as SVG and CSV, from the cache when this query was drawn since the last batch.</summary>
    public RenderedChart Rendered(DashboardChart chart, HttpContext context) =>
        cache.GetOrAdd($"chart\u001f{chart.Id}\u001f{CanonicalQuery(context.Request.Query)}", () =>
        {
            var content = Make(chart, context);
            return new RenderedChart(content.Plot.GetSvgXml(content.Width, content.Height), content.Data.ToCsv(), content.Width, content.Height);
        });

    /// <summary>The chart as a page shows it: its SVG, and its download links carrying the page's query string.</summary>
    public ChartView View(string id, HttpContext context)
    {
        var chart = Find(id) ?? throw new InvalidOperationException($"no chart '{id}' is registered");
        return new ChartView(id, Rendered(chart, context).Svg, context.Request.QueryString.Value ?? "");
    }

    // The same view asked with its parameters in another order is the same chart.
    private static string CanonicalQuery(IQueryCollection query) =>
        string.Join('&', query
            .Where(q => !SizeParameters.Contains(q.Key))
            .OrderBy(q => q.Key, StringComparer.Ordinal)
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}"));
}

/// <summary>A chart drawn at its own size: the SVG and the CSV of its data.</summary>
public sealed record RenderedChart(string Svg, string Csv, int Width, int Height);

/// <summary>A chart ready for a page: its id, SVG and the query string its downloads repeat.</summary>
public sealed record ChartView(string Id, string Svg, string Query)
{
    public string Download(string format) => $"/charts/{Id}.{format}{Query}";
}
