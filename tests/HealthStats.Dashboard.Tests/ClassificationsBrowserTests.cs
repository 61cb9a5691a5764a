using HealthStats.Etl.Accounts;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;
using Xunit.Abstractions;

namespace HealthStats.Dashboard.Tests;

/// <summary>The classification browser as a person uses it, in chromium against a real port, on the full ICD-10-CM.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ClassificationsBrowserTests(KnownDataDashboard dashboard, ITestOutputHelper output) : IClassFixture<KnownDataDashboard>
{
    private DashboardServer Server => dashboard.Server;

    [SharedDataBrowserFact]
    public void SearchByTitleWords_ThenOpenTheCode_ShowsItsChapterBlockAndVersions()
    {
        var (user, password) = Server.TestAccount(AccountRoles.Ministry);
        using var browser = Browser.Start(output, nameof(SearchByTitleWords_ThenOpenTheCode_ShowsItsChapterBlockAndVersions));
        browser.GoTo(Server.BaseAddress, "/");
        browser.Type("#UserName", user);
        browser.Type("#Password", password);
        browser.ClickAndWaitForNextPage("#sign-in");

        browser.ClickAndWaitForNextPage("nav a[href='/Classifications']");
        browser.Type("#q", "type 2 diabetes without complications");
        browser.Screenshot("1-search");
        browser.ClickAndWaitForNextPage("#search");
        WaitUntilLoaded(browser);

        var codes = browser.Driver.FindElements(By.CssSelector("#result-table a.code-link")).Select(a => a.Text).ToList();
        Assert.Equal(["E11.9", "E11.A"], codes);
        browser.Screenshot("2-results");
        browser.ClickAndWaitForNextPage("#result-table a.code-link");
        WaitUntilLoaded(browser);

        Assert.Equal("E11.9", browser.WaitFor("#detail-code").Text);
        Assert.Equal("IV Endocrine, nutritional and metabolic diseases", browser.Driver.FindElement(By.Id("detail-chapter")).Text);
        Assert.Equal("E08-E14 Diabetes mellitus", browser.Driver.FindElement(By.Id("detail-block")).Text);
        var versions = browser.Driver.FindElements(By.CssSelector("#versions tbody tr td:first-child")).Select(td => td.Text).ToList();
        Assert.Equal(["ICD-10-CM-2026", "ICD-10-CM-2026, by its addenda", "starter (built in)"], versions);
        Assert.Contains("code=E119", browser.Driver.Url, StringComparison.Ordinal);
        // The search stays on the page, so the next code is one click away.
        Assert.Equal(2, browser.Driver.FindElements(By.CssSelector("#result-table a.code-link")).Count);
        browser.Screenshot("3-code");
    }

    // The next page has replaced this one, but on a busy machine it may still be arriving: read it once it is whole.
    private static void WaitUntilLoaded(Browser browser) =>
        new WebDriverWait(browser.Driver, TimeSpan.FromSeconds(30))
            .Until(driver => "complete".Equals(((IJavaScriptExecutor)driver).ExecuteScript("return document.readyState")));
}
