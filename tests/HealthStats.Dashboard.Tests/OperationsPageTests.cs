using System.Globalization;
using System.Net;
using HealthStats.Dashboard.Figures;
using HealthStats.Dashboard.Filters;
using HealthStats.Etl.Accounts;
using HealthStats.Warehouse.Indicators;
using HealthStats.Warehouse.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace HealthStats.Dashboard.Tests;

/// <summary>
/// /Operations on the demo's abstracts: coding turnaround, coders' volumes and warning and quarantine rates
/// as the indicator library computes them for the filters in the URL; coder-level, so neither the page nor
/// its charts' downloads are for ministry users.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class OperationsPageTests(DashboardServer server) : IClassFixture<DashboardServer>
{
    private static readonly string[] Turnaround = ["coding_turnaround_median", "coding_turnaround_p90", "coded_within_30_days", "abstracts_coded"];

    private WarehouseDatabase Database => server.Services.GetRequiredService<WarehouseDatabase>();

    [Fact]
    public async Task TurnaroundTable_ShowsEachYearAndFacility_AsTheLibraryComputesThem()
    {
        await server.WaitForHomePageWithDataAsync(TimeSpan.FromSeconds(90));
        var years = FilterChoices.Load(Database).FiscalYears;
        var from = years[^2].ToString(CultureInfo.InvariantCulture);

        var html = await server.Client.GetStringAsync($"/Operations?fy_from={from}");

        var rows = HtmlTable.Rows(html, "coding-turnaround-table");
        var where = years.Where(y => y >= years[^2]).Select(y => new KeyValuePair<string, string>("fiscal_year", y.ToString(CultureInfo.InvariantCulture))).ToList();
        var expectedRows = 0;
        foreach (var id in Turnaround)
        {
            var indicator = IndicatorLibrary.Find(id);
            var byFacility = IndicatorLibrary.Compute(Database, id, new IndicatorRequest { By = ["fiscal_year", "facility"], Where = where }).Rows;
            var all = IndicatorLibrary.Compute(Database, id, new IndicatorRequest { By = ["fiscal_year"], Where = where }).Rows;
            expectedRows = byFacility.Count + all.Count;
            foreach (var row in rows)
            {
                var expected = row.Attribute("data-facility") is { Length: > 0 } facility
                    ? byFacility.Single(r => r.Dimension("fiscal_year") == row.Attribute("data-year") && r.Dimension("facility") == facility)
                    : all.Single(r => r.Dimension("fiscal_year") == row.Attribute("data-year"));
                Assert.Equal(FigureFormat.Of(indicator, expected.Value), row.Cell(id));
            }
        }
        Assert.Equal(expectedRows, rows.Count);
        Assert.All(rows, r => Assert.True(int.Parse(r.Attribute("data-year")!, CultureInfo.InvariantCulture) >= years[^2]));
    }

    [Fact]
    public async Task CodersTable_SumsEachCodersMonths_AndShowsTheirWarningRates()
    {
        await server.WaitForHomePageWithDataAsync(TimeSpan.FromSeconds(90));
        var facility = FilterChoices.Load(Database).Facilities[0];

        var html = await server.Client.GetStringAsync($"/Operations?facility={facility}");
        var csv = (await server.Client.GetStringAsync($"/charts/abstracts-per-coder.csv?facility={facility}")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        var where = new List<KeyValuePair<string, string>> { new("facility", facility) };
        var monthly = IndicatorLibrary.Compute(Database, "abstracts_coded", new IndicatorRequest { By = ["coder", "completed_month"], Where = where }).Rows;
        var warnings = IndicatorLibrary.Compute(Database, "warning_rate", new IndicatorRequest { By = ["coder"], Where = where }).Rows;
        var rows = HtmlTable.Rows(html, "coders");
        Assert.Equal(monthly.Select(r => r.Dimension("coder")).Concat(warnings.Select(r => r.Dimension("coder"))).Distinct().Order(StringComparer.Ordinal), rows.Select(r => r.Attribute("data-coder")));
        foreach (var row in rows)
        {
            var coder = row.Attribute("data-coder");
            var months = monthly.Where(r => r.Dimension("coder") == coder).ToList();
            Assert.Equal(FigureFormat.Count(months.Sum(r => r.Value)), row.Cell("abstracts_coded"));
            Assert.Equal(months.Count.ToString(CultureInfo.InvariantCulture), row.Cell("months"));
            Assert.Equal(FigureFormat.Percent(warnings.SingleOrDefault(r => r.Dimension("coder") == coder)?.Value), row.Cell("warning_rate"));
        }
        Assert.Equal(["coder,completed_month,abstracts", .. monthly.Select(r => $"{r.Dimension("coder")},{r.Dimension("completed_month")},{r.Value!.Value.ToString(CultureInfo.InvariantCulture)}")], csv);
    }

    [Fact]
    public async Task QualityTable_ShowsWarningAndQuarantineRates_AndSaysTheQuarantineRateIsNotByFiscalYear()
    {
        await server.WaitForHomePageWithDataAsync(TimeSpan.FromSeconds(90));
        var year = FilterChoices.Load(Database).FiscalYears[^1].ToString(CultureInfo.InvariantCulture);

        var html = await server.Client.GetStringAsync($"/Operations?fy_from={year}&fy_to={year}");
        var csv = (await server.Client.GetStringAsync($"/charts/data-quality-by-facility.csv?fy_from={year}&fy_to={year}")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        var warnings = IndicatorLibrary.Compute(Database, "warning_rate", new IndicatorRequest { By = ["facility"], Where = [new("fiscal_year", year)] }).Rows;
        var quarantine = IndicatorLibrary.Compute(Database, "quarantine_rate", new IndicatorRequest { By = ["facility"] }).Rows;
        var allWarnings = IndicatorLibrary.Compute(Database, "warning_rate", new IndicatorRequest { Where = [new("fiscal_year", year)] }).Rows.Single();
        var allQuarantine = IndicatorLibrary.Compute(Database, "quarantine_rate", new IndicatorRequest()).Rows.Single();
        var rows = HtmlTable.Rows(html, "facility-quality");
        foreach (var row in rows)
        {
            var facility = row.Attribute("data-facility");
            var warning = facility == "" ? allWarnings : warnings.SingleOrDefault(r => r.Dimension("facility") == facility);
            var quarantined = facility == "" ? allQuarantine : quarantine.SingleOrDefault(r => r.Dimension("facility") == facility);
            Assert.Equal(FigureFormat.Percent(warning?.Value), row.Cell("warning_rate"));
            Assert.Equal(FigureFormat.Percent(quarantined?.Value), row.Cell("quarantine_rate"));
        }
        Assert.Contains(rows, r => r.Attribute("data-facility") == "");
        Assert.Contains("not by fiscal year", html, StringComparison.Ordinal);
        Assert.Contains("id=\"filters-not-applied\"", html, StringComparison.Ordinal);
        Assert.Equal("facility,warning_rate_percent,quarantine_rate_percent", csv[0]);
        Assert.Equal(warnings.Select(r => r.Dimension("facility")).Union(quarantine.Select(r => r.Dimension("facility"))).Order(StringComparer.Ordinal), csv.Skip(1).Select(l => l.Split(',')[0]));
    }

    [Fact]
    public async Task TurnaroundChart_CsvIsTheMedianByMonthAndFacility_AndThePageShowsEveryChart()
    {
        await server.WaitForHomePageWithDataAsync(TimeSpan.FromSeconds(90));

        var html = await server.Client.GetStringAsync("/Operations");
        var csv = (await server.Client.GetStringAsync("/charts/coding-turnaround.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        var expected = IndicatorLibrary.Compute(Database, "coding_turnaround_median", new IndicatorRequest { By = ["month", "facility"] }).Rows;
        Assert.Equal(["month,facility,median_turnaround_days", .. expected.Select(r => $"{r.Dimension("month")},{r.Dimension("facility")},{r.Value!.Value.ToString("0.######", CultureInfo.InvariantCulture)}")], csv);
        foreach (var chart in new[] { "coding-turnaround", "abstracts-per-coder", "data-quality-by-facility" })
        {
            var section = html[html.IndexOf($"<section class=\"chart\" id=\"{chart}\">", StringComparison.Ordinal)..];
            Assert.Contains("<svg", section[..section.IndexOf("</section>", StringComparison.Ordinal)], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PageAndChartDownloads_AreForbiddenToMinistry_AndOpenToAnalysts()
    {
        using var ministry = await server.SignInAsync(AccountRoles.Ministry);
        using var analyst = await server.SignInAsync(AccountRoles.Analyst);

        foreach (var path in new[] { "/Operations", "/charts/coding-turnaround.csv", "/charts/abstracts-per-coder.png", "/charts/data-quality-by-facility.svg" })
        {
            using var forbidden = await ministry.GetAsync(path);
            using var allowed = await analyst.GetAsync(path);
            Assert.True(forbidden.StatusCode == HttpStatusCode.Forbidden, $"{path} as ministry: {forbidden.StatusCode}");
            Assert.True(allowed.StatusCode == HttpStatusCode.OK, $"{path} as analyst: {allowed.StatusCode}");
        }
        var home = await ministry.GetStringAsync("/Facilities");
        Assert.DoesNotContain("href=\"/Operations\"", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/Operations\"", await analyst.GetStringAsync("/Facilities"), StringComparison.Ordinal);
    }
}
