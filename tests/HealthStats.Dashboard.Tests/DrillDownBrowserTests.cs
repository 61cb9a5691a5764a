using System.Globalization;
using HealthStats.Etl.Accounts;
using HealthStats.TestSupport;
using HealthStats.Warehouse.Indicators;
using HealthStats.Warehouse.Storage;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using Xunit.Abstractions;

namespace HealthStats.Dashboard.Tests;

/// <summary>
/// The diagnoses and interventions pages as a person uses them, in chromium against a real port and the
/// demo data: filters chosen in the filter bar, a drill from a chapter down to its codes by clicking, and
/// a chart downloaded by its links into the browser's download directory.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DrillDownBrowserTests(DashboardServer server, ITestOutputHelper output) : IClassFixture<DashboardServer>
{
    [BrowserFact]
    public async Task Diagnoses_AppliesTheFiltersChosen_AndDrillsFromChapterToCode_KeepingThem()
    {
        await server.WaitForHomePageWithDataAsync(TimeSpan.FromSeconds(90));
        var (facility, sex) = (HealthStats.Dashboard.Filters.FilterChoices.Load(Database).Facilities[0], "M");
        using var browser = Browser.Start(output, nameof(Diagnoses_AppliesTheFiltersChosen_AndDrillsFromChapterToCode_KeepingThem));
        SignIn(browser, "/Diagnoses");
        var unfiltered = browser.WaitFor("#drill-total").Text;
        browser.Screenshot("1-all-chapters");

        browser.Select("#filter-facility", facility);
        browser.Select("#filter-sex", sex);
        browser.ClickAndWaitForNextPage("#apply-filters");

        Assert.Contains($"facility={facility}", browser.Driver.Url, StringComparison.Ordinal);
        Assert.Contains($"sex={sex}", browser.Driver.Url, StringComparison.Ordinal);
        var expected = IndicatorLibrary.Compute(Database, "mrdx_discharges", new IndicatorRequest { Where = [new("facility", facility), new("sex", sex)] }).Rows.Single().Value!.Value;
        var filtered = browser.WaitFor("#drill-total").Text;
        Assert.NotEqual(unfiltered, filtered);
        Assert.Equal(expected.ToString("N0", CultureInfo.InvariantCulture), filtered);
        browser.Screenshot("2-filtered");

        var chosen = new List<string>();
        foreach (var (level, plural) in new[] { ("block", "blocks"), ("category", "categories"), ("code", "codes") })
        {
            var link = browser.WaitFor("#drill-table a.drill-link");
            chosen.Add(link.Text);
            browser.ClickAndWaitForNextPage("#drill-table a.drill-link");
            Assert.Equal(level, browser.WaitFor("#drill-table").GetDomAttribute("data-level"));
            Assert.Contains($"facility={facility}", browser.Driver.Url, StringComparison.Ordinal);
            Assert.Contains($"sex={sex}", browser.Driver.Url, StringComparison.Ordinal);
            Assert.Equal(chosen.Count, browser.Driver.FindElements(By.CssSelector("#breadcrumbs .crumb")).Count);
            browser.Screenshot($"{chosen.Count + 2}-{plural}");
        }
        Assert.Empty(browser.Driver.FindElements(By.CssSelector("#drill-table a.drill-link")));
        Assert.Contains($"chapter={chosen[0]}", browser.Driver.Url, StringComparison.Ordinal);
        Assert.Contains($"category={chosen[2]}", browser.Driver.Url, StringComparison.Ordinal);
        Assert.Equal($"{facility}", browser.Driver.FindElement(By.CssSelector("#filter-facility option[selected]")).GetDomAttribute("value"));

        browser.ClickAndWaitForNextPage("#crumb-top");
        Assert.Equal("chapter", browser.WaitFor("#drill-table").GetDomAttribute("data-level"));
        Assert.Equal(filtered, browser.WaitFor("#drill-total").Text);
        Assert.DoesNotContain("chapter=", browser.Driver.Url, StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task ChartDownloadLinks_SaveThePngAndTheCsvOfTheChartShown()
    {
        await server.WaitForHomePageWithDataAsync(TimeSpan.FromSeconds(90));
        using var downloads = new TempDirectory("downloads");
        using var browser = Browser.Start(output, nameof(ChartDownloadLinks_SaveThePngAndTheCsvOfTheChartShown), downloads.Path);
        const string Query = "?sex=F&chapter=0";
        SignIn(browser, "/Interventions" + Query);
        browser.WaitFor("#interventions-chart svg");
        browser.Screenshot("1-interventions");

        browser.WaitFor("#interventions-chart a.download-csv").Click();
        var csv = Browser.WaitForDownload(downloads.Path, "interventions-chart.csv", TimeSpan.FromSeconds(30));
        browser.WaitFor("#interventions-chart a.download-png").Click();
        var png = Browser.WaitForDownload(downloads.Path, "interventions-chart.png", TimeSpan.FromSeconds(30));

        Assert.Equal(await server.Client.GetStringAsync("/charts/interventions-chart.csv" + Query), await File.ReadAllTextAsync(csv));
        var lines = (await File.ReadAllTextAsync(csv)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("block,block_title,interventions,share_percent", lines[0]);
        var expected = IndicatorLibrary.Compute(Database, "interventions", new IndicatorRequest { Where = [new("sex", "F"), new("chapter", "0")] }).Rows.Single().Value;
        Assert.Equal(expected, lines.Skip(1).Sum(l => double.Parse(l.Split(',')[^2], CultureInfo.InvariantCulture)));
        var bytes = await File.ReadAllBytesAsync(png);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.Equal(1100, (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19]);
    }

    private WarehouseDatabase Database => server.Services.GetRequiredService<WarehouseDatabase>();

    // Asks for the page, is sent to sign in, and comes back to it.
    private void SignIn(Browser browser, string path)
    {
        var (user, password) = server.TestAccount(AccountRoles.Analyst);
        browser.GoTo(server.BaseAddress, path);
        browser.Type("#UserName", user);
        browser.Type("#Password", password);
        browser.ClickAndWaitForNextPage("#sign-in");
        browser.WaitFor("#signed-in-user");
    }
}
