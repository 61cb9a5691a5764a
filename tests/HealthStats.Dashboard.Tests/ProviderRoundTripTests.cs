using HealthStats.Etl.Audit;
using HealthStats.TestSupport;
using HealthStats.Warehouse.Storage;
using Xunit.Abstractions;

namespace HealthStats.Dashboard.Tests;

/// <summary>
/// Sign-in with an OpenID Connect provider end to end, in chromium: the dashboard configured from
/// settings as a site would, a real provider on another port, the code flow with PKCE, form_post,
/// the ID token's signature and nonce checked, roles read from user info through the role map.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ProviderRoundTripTests(ITestOutputHelper output)
{
    [BrowserFact]
    public async Task ProviderSignIn_ReturnsSignedIn_WithTheMappedRole_AndAUserWithoutOneIsRefused()
    {
        await using var provider = await TestIdentityProvider.StartAsync();
        using var data = new TempDirectory("dashboard-oidc-round-trip");
        using var server = new DashboardServer(data, ownsData: false, demo: false, new Dictionary<string, string>
        {
            ["HealthStats:Auth:OpenIdConnect:Authority"] = provider.Authority,
            ["HealthStats:Auth:OpenIdConnect:ClientId"] = TestIdentityProvider.ClientId,
            ["HealthStats:Auth:OpenIdConnect:ClientSecret"] = TestIdentityProvider.ClientSecret,
            ["HealthStats:Auth:OpenIdConnect:RequireHttpsMetadata"] = "false",
            ["HealthStats:Auth:OpenIdConnect:RoleMap:HS-Analysts"] = "analyst",
        });
        using var browser = Browser.Start(output, nameof(ProviderSignIn_ReturnsSignedIn_WithTheMappedRole_AndAUserWithoutOneIsRefused));

        provider.SignsIn = new ProviderUser("sub-ada", "ada", ["HS-Analysts", "unrelated-group"]);
        browser.GoTo(server.BaseAddress, "/");
        browser.WaitFor("#sign-in-provider");
        browser.Screenshot("1-sign-in");
        browser.WaitFor("#sign-in-provider").Click();

        Assert.Equal("ada (analyst)", browser.WaitFor("#signed-in-user", TimeSpan.FromSeconds(30)).Text);
        Assert.Equal(new Uri(server.BaseAddress, "/"), new Uri(browser.Driver.Url));
        browser.Screenshot("2-signed-in-by-provider");
        browser.GoTo(server.BaseAddress, "/hangfire");
        Assert.Contains("not open to that role", browser.WaitFor("#forbidden").Text, StringComparison.Ordinal);

        browser.GoTo(server.BaseAddress, "/");
        browser.ClickAndWaitForNextPage("#sign-out");
        provider.SignsIn = new ProviderUser("sub-bob", "bob", ["some-other-application"]);
        browser.WaitFor("#sign-in-provider").Click();

        browser.WaitFor("#sign-in-form", TimeSpan.FromSeconds(30));
        Assert.Contains("/Account/SignIn?failure=no-role", browser.Driver.Url, StringComparison.Ordinal);
        Assert.Empty(browser.Driver.FindElements(OpenQA.Selenium.By.CssSelector("#signed-in-user")));
        browser.Screenshot("3-no-role-refused");
        Assert.Empty(provider.Refusals);
        // Both in the audit log: the provider's name for each (vouched for by the provider, not typed).
        var audit = AuditLog.Open(new DataDirectory(server.DataDirectory));
        Assert.Contains(audit.List(action: AuditActions.SignIn), e => (e.Actor, e.Target) == ("ada", "oidc"));
        Assert.Contains(audit.List(action: AuditActions.SignInFailed), e => e.Actor == "bob" && e.Target == "oidc: no HealthStats role");
        Assert.Contains(audit.List(action: AuditActions.SignOut), e => e.Actor == "ada");
    }
}
