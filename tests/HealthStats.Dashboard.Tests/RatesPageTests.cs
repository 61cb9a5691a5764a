using System.Globalization;
using HealthStats.Dashboard.Figures;
using HealthStats.Dashboard.Filters;
using HealthStats.Warehouse.Indicators;
using HealthStats.Warehouse.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace HealthStats.Dashboard.Tests;

/// <summary>
/// /Rates: without populations it says how to import them; with them (see <see cref="RatesDashboard"/>) every
/// rate and interval it shows is what the population indicators compute for the same filters, mapped as
/// the page says (fiscal years onto the populations' years, region and sex as they are), and the
/// error-bar chart's CSV holds the confidence limits.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class RatesPageTests(RatesDashboard dashboard) : IClassFixture<RatesDashboard>
{
    private DashboardServer Server => dashboard.Server;

    private WarehouseDatabase Database => Server.Services.GetRequiredService<WarehouseDatabase>();

    [Fact]
    public void Page_GivesTheImportCommands_WhenNoPopulationsAreImported()
    {
        var html = dashboard.PageBeforeImport;

        Assert.Contains("id=\"no-populations\"", html, StringComparison.Ordinal);
        Assert.Contains("healthstats reference import-population FILE --year-kind fiscal", html, StringComparison.Ordinal);
        Assert.Contains("healthstats reference import-standard-population ../shared/data/stdpop/rads_reference_pop_19_age_groups.csv --standard &quot;2011 Canadian Standard Population (19 age groups)&quot; --as CAN2011", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"standardised-rates\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tables_ShowTheRatesAndIntervals_OfTheYearsInTheRange_BySex()
    {
        var years = Years();
        var (from, to) = (years[^2], years[^1]);

        var html = await Server.Client.GetStringAsync($"/Rates?fy_from={from}&fy_to={to}&by=sex");

        var inRange = (IndicatorRow r) => int.Parse(r.Dimension("year")!, CultureInfo.InvariantCulture) is var y && y >= from && y <= to;
        var standardised = Compute("age_standardised_hospitalisation_rate", ["year", "sex"]).Where(inRange).ToList();
        var crude = Compute("hospitalisation_rate", ["year", "sex"]).Where(inRange).ToList();
        Assert.Equal(4, standardised.Count);
        AssertRows(standardised, HtmlTable.Rows(html, "standardised-rates"), "sex");
        AssertRows(crude, HtmlTable.Rows(html, "crude-rates"), "sex");

        var ageSpecific = Compute("age_specific_hospitalisation_rate", ["year", "age_group"]).Where(inRange).ToList();
        var cells = HtmlTable.Rows(html, "age-specific-rates").SelectMany(r => r.Cells.Where(c => c.Attributes.ContainsKey("data-age"))).ToList();
        Assert.Equal(ageSpecific.Count, cells.Count);
        foreach (var row in ageSpecific)
        {
            var cell = cells.Single(c => c.Attributes["data-year"] == row.Dimension("year") && c.Attributes["data-age"] == row.Dimension("age_group"));
            Assert.Equal(FigureFormat.Decimal(row.Value), cell.Part("rate"));
            Assert.Equal(FigureFormat.Interval(row.CiLow, row.CiHigh), cell.Part("ci"));
        }
        Assert.DoesNotContain("id=\"filters-not-applied\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tables_UseTheStandardChosen_AndTheRegionFilter_ByRegion()
    {
        var region = Regions()[0];

        var html = await Server.Client.GetStringAsync($"/Rates?region={region}&by=region&standard=FLAT");

        var where = new List<KeyValuePair<string, string>> { new("region", region) };
        var flat = Compute("age_standardised_hospitalisation_rate", ["year", "region"], where, "FLAT");
        var canadian = Compute("age_standardised_hospitalisation_rate", ["year", "region"], where);
        Assert.NotEqual(flat.Select(r => r.Value), canadian.Select(r => r.Value));
        AssertRows(flat, HtmlTable.Rows(html, "standardised-rates"), "region");
        AssertRows(Compute("hospitalisation_rate", ["year", "region"], where), HtmlTable.Rows(html, "crude-rates"), "region");
        Assert.Contains("<option value=\"FLAT\" selected=\"selected\">FLAT</option>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"CAN2011\">CAN2011</option>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/charts/age-standardised-rate.csv?region=" + region + "&amp;by=region&amp;standard=FLAT\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_SaysWhichFiltersDoNotApply_AndLeavesThemOut()
    {
        var facility = FilterChoices.Load(Database).Facilities[0];

        var html = await Server.Client.GetStringAsync($"/Rates?facility={facility}&admit_category=U&age_group=20-24");

        var notice = html[html.IndexOf("id=\"filters-not-applied\"", StringComparison.Ordinal)..];
        Assert.Contains("not broken down by facility, age group, admit category", notice[..notice.IndexOf("</p>", StringComparison.Ordinal)], StringComparison.Ordinal);
        AssertRows(Compute("age_standardised_hospitalisation_rate", ["year"]), HtmlTable.Rows(html, "standardised-rates"), null);
    }

    [Fact]
    public async Task Page_GivesTheImportCommand_ForAStandardNotImported()
    {
        var html = await Server.Client.GetStringAsync("/Rates?standard=WHO2000");

        Assert.Contains("id=\"no-standard\"", html, StringComparison.Ordinal);
        Assert.Contains("healthstats reference import-standard-population FILE --as WHO2000", html, StringComparison.Ordinal);
        var notice = html[html.IndexOf("id=\"no-standard\"", StringComparison.Ordinal)..];
        var text = HtmlTable.Text(notice[..notice.IndexOf("</div>", StringComparison.Ordinal)]);
        Assert.True(text.Contains("WHO2000 is not imported (imported: CAN2011, FLAT)", StringComparison.Ordinal), text);
        Assert.Contains("id=\"crude-rates\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorBarChart_CsvHoldsTheRatesWithTheirConfidenceLimits_AndItsSvgIsDrawn()
    {
        var csv = (await Server.Client.GetStringAsync("/charts/age-standardised-rate.csv?by=sex")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var svg = await Server.Client.GetStringAsync("/charts/age-standardised-rate.svg?by=sex");

        Assert.Equal("year,sex,rate_per_100000,ci_low,ci_high,discharges,population,standard", csv[0]);
        var expected = Compute("age_standardised_hospitalisation_rate", ["year", "sex"]);
        Assert.Equal(
            expected.Select(r => string.Join(',', r.Dimension("year"), r.Dimension("sex"), Number(r.Value), Number(r.CiLow), Number(r.CiHigh), Number(r.Numerator), Number(r.Denominator), "CAN2011")),
            csv.Skip(1));
        Assert.All(expected, r => Assert.True(r.CiLow < r.Value && r.Value < r.CiHigh));
        Assert.Equal("svg", System.Xml.Linq.XDocument.Parse(svg).Root!.Name.LocalName);
        Assert.Contains("Age-standardised hospitalisation rate per 100,000 (CAN2011 standard)", svg, StringComparison.Ordinal);
    }

    private void AssertRows(IReadOnlyList<IndicatorRow> expected, IReadOnlyList<HtmlRow> shown, string? series)
    {
        Assert.Equal(expected.Count, shown.Count);
        foreach (var (row, html) in expected.Zip(shown))
        {
            Assert.Equal(row.Dimension("year"), html.Attribute("data-year"));
            Assert.Equal(series is null ? "" : row.Dimension(series), html.Attribute("data-series"));
            Assert.Equal(FigureFormat.Decimal(row.Value), html.Cell("rate"));
            Assert.Equal(FigureFormat.Interval(row.CiLow, row.CiHigh), html.Cell("ci"));
            Assert.Equal(FigureFormat.Count(row.Numerator), html.Cell("discharges"));
            Assert.Equal(FigureFormat.Count(row.Denominator), html.Cell("population"));
        }
    }

    private IReadOnlyList<IndicatorRow> Compute(string indicator, IReadOnlyList<string> by, IReadOnlyList<KeyValuePair<string, string>>? where = null, string? standard = null) =>
        IndicatorLibrary.Compute(Database, indicator, new IndicatorRequest { By = by, Where = where ?? [], Standard = standard }).Rows;

    private List<int> Years() => FilterChoices.Load(Database).FiscalYears.ToList();

    private List<string> Regions() => FilterChoices.Load(Database).Regions.Where(r => r != "unknown").ToList();

    private static string Number(double? value) => value?.ToString("0.######", CultureInfo.InvariantCulture) ?? "";
}
