using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using HealthStats.Dashboard.Filters;
using HealthStats.Warehouse.Indicators;
using HealthStats.Warehouse.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace HealthStats.Dashboard.Tests;

/// <summary>
/// The diagnoses and interventions pages drilled down under filters from the URL: at every level the
/// table and the chart's CSV hold what the indicator library computes for the same filters and chosen
/// codes, and every link up and down keeps the filters.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed partial class DrillDownPageTests(DashboardServer server) : IClassFixture<DashboardServer>
{
    [Fact]
    public async Task Diagnoses_ShowTheIndicatorsCounts_AtEveryLevelFromChapterToCode_UnderTheFilters()
    {
        await server.WaitForHomePageWithDataAsync(TimeSpan.FromSeconds(90));
        var filters = BusyFilters("mrdx_discharges");
        var chosen = new List<(string Level, string Code)>();

        foreach (var level in new[] { "chapter", "block", "category", "code" })
        {
            var query = Query(filters, chosen);
            var html = await server.Client.GetStringAsync("/Diagnoses" + query);
            var expected = Expected("mrdx_discharges", level, filters, chosen);

            Assert.Contains($"data-level=\"{level}\"", html, StringComparison.Ordinal);
            Assert.Equal(expected, TableRows(html));
            Assert.Equal(expected, CsvRows(await server.Client.GetStringAsync("/charts/diagnoses-chart.csv" + query)));
            Assert.Contains($"id=\"drill-total\">{expected.Values.Sum().ToString("N0", CultureInfo.InvariantCulture)}<", html, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"filters-not-applied\"", html, StringComparison.Ordinal);
            chosen.Add((level, expected.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal).First().Key));
        }
    }

    [Fact]
    public async Task Interventions_ShowTheIndicatorsCounts_AtEveryLevelFromSectionToCode_UnderTheFilters()
    {
        await server.WaitForHomePageWithDataAsync(TimeSpan.FromSeconds(90));
        var filters = BusyFilters("interventions");
        var chosen = new List<(string Level, string Code)>();

        foreach (var level in new[] { "chapter", "block", "code" })
        {
            var query = Query(filters, chosen);
            var html = await server.Client.GetStringAsync("/Interventions" + query);
            var expected = Expected("interventions", level, filters, chosen);

            Assert.NotEmpty(expected);
            Assert.Equal(expected, TableRows(html));
            Assert.Equal(expected, CsvRows(await server.Client.GetStringAsync("/charts/interventions-chart.csv" + query)));
            chosen.Add((level, expected.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal).First().Key));
        }
    }

    [Fact]
    public async Task DrillLinksAndBreadcrumbs_CarryTheFilters_AndTheCodesChosenAbove()
    {
        await server.WaitForHomePageWithDataAsync(TimeSpan.FromSeconds(90));
        var choices = FilterChoices.Load(server.Services.GetRequiredService<WarehouseDatabase>());
        var filters = $"fy_from={choices.FiscalYears[0]}&facility={choices.Facilities[0]}&sex={choices.Sexes[0]}";
        var top = await server.Client.GetStringAsync($"/Diagnoses?{filters}");
        var chapter = DrillLinks(top).First();
        Assert.StartsWith($"/Diagnoses?{filters}&chapter=", chapter, StringComparison.Ordinal);

        var blocks = await server.Client.GetStringAsync(chapter);
        var block = DrillLinks(blocks).First();
        Assert.StartsWith(chapter + "&block=", block, StringComparison.Ordinal);
        var categories = await server.Client.GetStringAsync(block);

        Assert.All(DrillLinks(categories), link => Assert.StartsWith(block + "&category=", link, StringComparison.Ordinal));
        Assert.Contains($"href=\"{Html(chapter)}\" class=\"crumb\"", categories, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Html($"/Diagnoses?{filters}")}\" id=\"crumb-top\"", categories, StringComparison.Ordinal);
        // Applying other filters keeps the drill-down: the filter form repeats the chosen codes.
        Assert.Contains($"<input type=\"hidden\" name=\"chapter\" value=\"{Uri.UnescapeDataString(chapter[(chapter.LastIndexOf('=') + 1)..])}\" />", categories, StringComparison.Ordinal);
        Assert.Contains($"href=\"/charts/diagnoses-chart.csv?{Html(block[(block.IndexOf('?') + 1)..])}\"", categories, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CcsrView_CountsByDefaultInpatientCategory_AndKeepsTheViewInItsLinks()
    {
        await server.WaitForHomePageWithDataAsync(TimeSpan.FromSeconds(90));
        var filters = BusyFilters("mrdx_discharges");

        var html = await server.Client.GetStringAsync("/Diagnoses" + Query(filters, [("view", "ccsr")]));

        var expected = Expected("mrdx_discharges", "ccsr", filters, []);
        Assert.Equal(expected, TableRows(html));
        Assert.Contains("data-level=\"ccsr\"", html, StringComparison.Ordinal);
        Assert.All(DrillLinks(html), link => Assert.Contains("view=ccsr&ccsr=", link, StringComparison.Ordinal));
        var into = DrillLinks(html).First();
        var codes = await server.Client.GetStringAsync(into);
        var ccsr = Uri.UnescapeDataString(into[(into.LastIndexOf('=') + 1)..]);
        Assert.Equal(Expected("mrdx_discharges", "code", filters, [("ccsr", ccsr)]), TableRows(codes));
    }

    [Fact]
    public async Task Pages_WithFiltersThatKeepNothing_SayNoneMatch()
    {
        using var response = await server.Client.GetAsync("/Interventions?facility=no-such-facility&chapter=0");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"drill-empty\"", html, StringComparison.Ordinal);
        Assert.Contains("No interventions match the filters.", html, StringComparison.Ordinal);
    }

    // Filters that keep a good part of the demo, but not all of it: the facility and fiscal year with the
    // most of the indicator's counts, and one sex.
    private List<(string Key, string Value)> BusyFilters(string indicator)
    {
        var database = server.Services.GetRequiredService<WarehouseDatabase>();
        var busiest = IndicatorLibrary.Compute(database, indicator, new IndicatorRequest { By = ["fiscal_year", "facility"] }).Rows.OrderByDescending(r => r.Value).First();
        var year = busiest.Dimension("fiscal_year")!;
        return [("fy_from", year), ("fy_to", year), ("facility", busiest.Dimension("facility")!), ("sex", "F")];
    }

    private Dictionary<string, double> Expected(string indicator, string level, List<(string Key, string Value)> filters, IEnumerable<(string Level, string Code)> chosen)
    {
        var where = filters.Select(f => f.Key is "fy_from" or "fy_to" ? ("fiscal_year", f.Value) : f).Distinct()
            .Concat(chosen)
            .Select(w => new KeyValuePair<string, string>(w.Item1, w.Item2))
            .ToList();
        var rows = IndicatorLibrary.Compute(server.Services.GetRequiredService<WarehouseDatabase>(), indicator, new IndicatorRequest { By = [level], Where = where, RequireKnownValues = false }).Rows;
        return rows.ToDictionary(r => r.Dimension(level) ?? "unknown", r => r.Value ?? 0);
    }

    private static string Query(IEnumerable<(string Key, string Value)> filters, IEnumerable<(string Key, string Value)> page) =>
        "?" + string.Join("&", filters.Concat(page).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));

    private static Dictionary<string, double> TableRows(string html)
    {
        var table = html[html.IndexOf("id=\"drill-table\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</tbody>", StringComparison.Ordinal)];
        return TableRow().Matches(table).ToDictionary(
            m => WebUtility.HtmlDecode(m.Groups[1].Value),
            m => double.Parse(m.Groups[2].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
    }

    private static Dictionary<string, double> CsvRows(string csv) =>
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(CsvFields)
            .ToDictionary(f => f[0], f => double.Parse(f[2], CultureInfo.InvariantCulture));

    // Titles may hold commas, in quotes.
    private static List<string> CsvFields(string line) =>
        CsvField().Matches(line).Select(m => m.Groups[1].Success ? m.Groups[1].Value.Replace("\"\"", "\"", StringComparison.Ordinal) : m.Groups[2].Value).ToList();

    private static List<string> DrillLinks(string html) =>
        DrillLink().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    private static string Html(string url) => url.Replace("&", "&amp;", StringComparison.Ordinal);

    [GeneratedRegex("<tr data-code=\"([^\"]*)\">.*?<td class=\"num value\">([0-9,]+)</td>", RegexOptions.Singleline)]
    private static partial Regex TableRow();

    [GeneratedRegex("href=\"([^\"]*)\" class=\"drill-link\"")]
    private static partial Regex DrillLink();

    [GeneratedRegex("(?:^|,)(?:\"((?:[^\"]|\"\")*)\"|([^,]*))")]
    private static partial Regex CsvField();
}
