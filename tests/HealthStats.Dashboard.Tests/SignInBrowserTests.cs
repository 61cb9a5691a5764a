using HealthStats.Etl.Accounts;
using OpenQA.Selenium;
using Xunit.Abstractions;

namespace HealthStats.Dashboard.Tests;

/// <summary>Sign-in, sign-out and lockout as a person meets them, in chromium against a real port.</summary>
[Collection(DashboardCollection.Name)]
public sealed class SignInBrowserTests(EmptyDashboard dashboard, ITestOutputHelper output) : IClassFixture<EmptyDashboard>
{
    private DashboardServer Server => dashboard.Server;

    [BrowserFact]
    public void SignIn_ShowsTheOverview_AnAdminPageIsRefused_AndSignOutEndsTheSession()
    {
        var (user, password) = Server.TestAccount(AccountRoles.Analyst);
        using var browser = Browser.Start(output, nameof(SignIn_ShowsTheOverview_AnAdminPageIsRefused_AndSignOutEndsTheSession));

        browser.GoTo(Server.BaseAddress, "/");
        browser.WaitFor("#sign-in-form");
        Assert.Contains("/Account/SignIn?ReturnUrl=%2F", browser.Driver.Url, StringComparison.Ordinal);
        browser.Type("#UserName", user);
        browser.Type("#Password", password);
        browser.Screenshot("1-sign-in");
        browser.ClickAndWaitForNextPage("#sign-in");

        Assert.Equal($"{user} (analyst)", browser.WaitFor("#signed-in-user").Text);
        Assert.Equal("Overview", browser.Driver.FindElement(By.TagName("h2")).Text);
        Assert.Equal(new Uri(Server.BaseAddress, "/"), new Uri(browser.Driver.Url));
        Assert.Empty(browser.Driver.FindElements(By.CssSelector("a[href='/hangfire']")));
        browser.Screenshot("2-overview");

        browser.GoTo(Server.BaseAddress, "/hangfire");
        Assert.Contains("not open to that role", browser.WaitFor("#forbidden").Text, StringComparison.Ordinal);
        browser.Screenshot("3-jobs-refused");

        browser.GoTo(Server.BaseAddress, "/");
        browser.ClickAndWaitForNextPage("#sign-out");
        browser.WaitFor("#sign-in-form");
        browser.Screenshot("4-signed-out");
        browser.GoTo(Server.BaseAddress, "/");
        browser.WaitFor("#sign-in-form");
        Assert.Contains("/Account/SignIn", browser.Driver.Url, StringComparison.Ordinal);
    }

    [BrowserFact]
    public void WrongPassword_ShowsAnError_AndRepeatedFailuresLockTheAccount()
    {
        var (user, password) = Server.TestAccount(AccountRoles.Ministry);
        using var browser = Browser.Start(output, nameof(WrongPassword_ShowsAnError_AndRepeatedFailuresLockTheAccount));
        browser.GoTo(Server.BaseAddress, "/Account/SignIn");

        for (var attempt = 1; attempt < 5; attempt++)
        {
            SignIn(browser, user, $"wrong password {attempt}");
            Assert.Equal("Wrong user name or password.", browser.WaitFor("#sign-in-error").Text);
        }
        browser.Screenshot("1-wrong-password");
        SignIn(browser, user, "wrong password 5");
        Assert.Contains("This account is locked after 5 failed sign-ins", browser.WaitFor("#sign-in-error").Text, StringComparison.Ordinal);

        SignIn(browser, user, password);
        Assert.Contains("This account is locked", browser.WaitFor("#sign-in-error").Text, StringComparison.Ordinal);
        Assert.Empty(browser.Driver.FindElements(By.Id("signed-in-user")));
        Assert.True(Server.Accounts.Find(user)!.IsLockedAt(DateTimeOffset.UtcNow.AddMinutes(14)));
        browser.Screenshot("2-locked");
    }

    private static void SignIn(Browser browser, string user, string password)
    {
        browser.Type("#UserName", user);
        browser.Type("#Password", password);
        browser.ClickAndWaitForNextPage("#sign-in");
    }
}
