using HealthStats.Etl.Accounts;
using OpenQA.Selenium;
using Xunit.Abstractions;

namespace HealthStats.Dashboard.Tests;

/// <summary>A supervisor's review as a person does it, in chromium against a real port.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ReviewBrowserTests(ReviewDashboard dashboard, ITestOutputHelper output) : IClassFixture<ReviewDashboard>
{
    private DashboardServer Server => dashboard.Server;

    [BrowserFact]
    public void Supervisor_OpensTheQueue_DecidesOnAnAbstract_AndSeesItLeaveTheQueue()
    {
        var (user, password) = Server.TestAccount(AccountRoles.Supervisor);
        using var browser = Browser.Start(output, nameof(Supervisor_OpensTheQueue_DecidesOnAnAbstract_AndSeesItLeaveTheQueue));
        browser.GoTo(Server.BaseAddress, "/Account/SignIn");
        browser.Type("#UserName", user);
        browser.Type("#Password", password);
        browser.ClickAndWaitForNextPage("#sign-in");

        browser.ClickAndWaitForNextPage("#nav-review");
        var first = browser.WaitFor("#review-queue tbody tr");
        var key = first.GetAttribute("data-abstract")!;
        var waiting = browser.Driver.FindElements(By.CssSelector("#review-queue tbody tr")).Count;
        browser.Screenshot("1-queue");

        browser.ClickAndWaitForNextPage("#review-queue tbody tr:first-child a");
        Assert.Equal($"Abstract {key}", browser.WaitFor("h2").Text);
        Assert.NotEmpty(browser.Driver.FindElements(By.CssSelector("#diagnoses tbody tr")));
        Assert.NotEmpty(browser.WaitFor("#reasons").Text);
        browser.Driver.FindElement(By.CssSelector("#outcome-miscoded")).Click();
        browser.Select("#error-type", "code_substitution");
        browser.Screenshot("2-decision");
        browser.ClickAndWaitForNextPage("#decide");

        Assert.Equal($"Decision recorded for {key}.", browser.WaitFor("#decision-recorded").Text);
        var keys = browser.Driver.FindElements(By.CssSelector("#review-queue tbody tr")).Select(r => r.GetAttribute("data-abstract")).ToList();
        Assert.DoesNotContain(key, keys);
        Assert.Equal(waiting - 1, keys.Count);
        browser.Screenshot("3-queue-after");
    }
}
