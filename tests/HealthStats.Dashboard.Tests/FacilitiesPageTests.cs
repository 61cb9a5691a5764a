using System.Globalization;
using HealthStats.Dashboard.Figures;
using HealthStats.Dashboard.Filters;
using HealthStats.Warehouse.Indicators;
using HealthStats.Warehouse.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace HealthStats.Dashboard.Tests;

/// <summary>
/// /Facilities on the demo's abstracts: every figure of its table is what the indicator library computes
/// by facility (and over all facilities) for the filters in the URL, and its charts' CSVs are those rows.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class FacilitiesPageTests(DashboardServer server) : IClassFixture<DashboardServer>
{
    private static readonly string[] Indicators =
        ["discharges", "patient_days", "alos_typical", "median_los_typical", "in_hospital_mortality", "readmission_30d"];

    private WarehouseDatabase Database => server.Services.GetRequiredService<WarehouseDatabase>();

    [Fact]
    public async Task Table_ShowsEachFacilitysIndicators_AsTheLibraryComputesThem_ForTheFilters()
    {
        await server.WaitForHomePageWithDataAsync(TimeSpan.FromSeconds(90));
        var year = LatestYear();

        var html = await server.Client.GetStringAsync($"/Facilities?fy_from={year}&fy_to={year}&sex=F");

        var rows = HtmlTable.Rows(html, "facility-comparison");
        var facilities = FilterChoices.Load(Database).Facilities;
        Assert.Equal([.. facilities.Select(f => "facility-" + f), "facility-all"], rows.Select(r => r.Attribute("id")));
        foreach (var id in Indicators)
        {
            var indicator = IndicatorLibrary.Find(id);
            // Readmission has no sex dimension: the page leaves that filter out of it, and says so.
            var where = new List<KeyValuePair<string, string>> { new("fiscal_year", year) };
            if (id != "readmission_30d")
                where.Add(new("sex", "F"));
            var byFacility = IndicatorLibrary.Compute(Database, id, new IndicatorRequest { By = ["facility"], Where = where }).Rows
                .ToDictionary(r => r.Dimension("facility")!, r => r.Value);
            var all = IndicatorLibrary.Compute(Database, id, new IndicatorRequest { Where = where }).Rows.Single().Value;
            foreach (var row in rows)
            {
                var facility = row.Attribute("id")!["facility-".Length..];
                var expected = facility == "all" ? all : byFacility.GetValueOrDefault(facility);
                Assert.Equal(FigureFormat.Of(indicator, expected), row.Cell(id));
            }
        }
        Assert.Contains("id=\"filters-not-applied\"", html, StringComparison.Ordinal);
        Assert.Contains("not by sex", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Charts_AreShown_AndTheirCsvsAreTheIndicatorsRows()
    {
        await server.WaitForHomePageWithDataAsync(TimeSpan.FromSeconds(90));
        var year = LatestYear();

        var html = await server.Client.GetStringAsync($"/Facilities?fy_from={year}");
        var discharges = Csv(await server.Client.GetStringAsync($"/charts/facility-discharges.csv?fy_from={year}"));
        var stays = Csv(await server.Client.GetStringAsync($"/charts/facility-length-of-stay.csv?fy_from={year}"));

        Assert.Contains("<section class=\"chart\" id=\"facility-discharges\">", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/charts/facility-length-of-stay.png?fy_from={year}\"", html, StringComparison.Ordinal);
        var where = new List<KeyValuePair<string, string>> { new("fiscal_year", year) };
        var expectedDischarges = IndicatorLibrary.Compute(Database, "discharges", new IndicatorRequest { By = ["facility", "fiscal_year"], Where = where }).Rows
            .Select(r => $"{r.Dimension("facility")},{r.Dimension("fiscal_year")},{Number(r.Value)}");
        Assert.Equal(["facility,fiscal_year,discharges", .. expectedDischarges], discharges);
        var alos = IndicatorLibrary.Compute(Database, "alos_typical", new IndicatorRequest { By = ["facility"], Where = where }).Rows;
        var median = IndicatorLibrary.Compute(Database, "median_los_typical", new IndicatorRequest { By = ["facility"], Where = where }).Rows;
        Assert.Equal(
            ["facility,alos_typical_days,median_los_typical_days", .. alos.Select(a => $"{a.Dimension("facility")},{Number(a.Value)},{Number(median.Single(m => m.Dimension("facility") == a.Dimension("facility")).Value)}")],
            stays);
    }

    [Fact]
    public async Task Table_IsEmptyOfFacilities_ButSaysSo_WhenTheFiscalYearsHoldNone()
    {
        await server.WaitForHomePageWithDataAsync(TimeSpan.FromSeconds(90));

        var html = await server.Client.GetStringAsync("/Facilities?fy_from=1990&fy_to=1990");

        Assert.Contains("no fiscal year (none is in the range chosen)", html, StringComparison.Ordinal);
        Assert.Equal(["facility-all"], HtmlTable.Rows(html, "facility-comparison").Select(r => r.Attribute("id")));
        Assert.Contains("No discharges match the filters.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Table_ShowsTheNewFigures_AfterABatchCommits()
    {
        await server.WaitForHomePageWithDataAsync(TimeSpan.FromSeconds(90));
        var before = HtmlTable.Rows(await server.Client.GetStringAsync("/Facilities"), "facility-comparison").Single(r => r.Attribute("id") == "facility-all").Cell("discharges");
        var generated = server.Data.Combine("more-for-facilities");
        using var output = new StringWriter();
        Assert.Equal(0, await HealthStats.Cli.CliApp.RunAsync(["generate", "--abstracts", "300", "--seed", "41", "--out", generated], output, output));
        Assert.Equal(0, await HealthStats.Cli.CliApp.RunAsync(["ingest", Path.Combine(generated, "abstracts.csv"), "--data", server.DataDirectory], output, output));

        var after = HtmlTable.Rows(await server.Client.GetStringAsync("/Facilities"), "facility-comparison").Single(r => r.Attribute("id") == "facility-all").Cell("discharges");

        var expected = IndicatorLibrary.Compute(Database, "discharges", new IndicatorRequest()).Rows.Single().Value;
        Assert.Equal(FigureFormat.Count(expected), after);
        Assert.NotEqual(before, after);
    }

    private string LatestYear() => FilterChoices.Load(Database).FiscalYears[^1].ToString(CultureInfo.InvariantCulture);

    private static string Number(double? value) => value?.ToString("0.######", CultureInfo.InvariantCulture) ?? "";

    private static List<string> Csv(string text) => text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();
}
