using System.Net;
using System.Text.RegularExpressions;
using HealthStats.Etl.Accounts;

namespace HealthStats.Dashboard.Tests;

/// <summary>The sign-in form over HTTP: what it does with empty fields and with where to go afterwards.</summary>
[Collection(DashboardCollection.Name)]
public sealed partial class SignInFormTests(EmptyDashboard dashboard) : IClassFixture<EmptyDashboard>
{
    private DashboardServer Server => dashboard.Server;

    [Fact]
    public async Task EmptyFields_AskForBoth_AndCountNoFailure()
    {
        var (user, _) = Server.TestAccount(AccountRoles.Analyst);
        using var client = Server.AnonymousClient();

        using var response = await PostAsync(client, "/Account/SignIn", user, "");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter your user name and password.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, Server.Accounts.Find(user)!.FailedSignIns);
    }

    [Fact]
    public async Task SignIn_ReturnsToTheLocalPageAsked_ButNeverToAnotherSite()
    {
        var (user, password) = Server.TestAccount(AccountRoles.Admin);
        using var local = Server.AnonymousClient();
        using var elsewhere = Server.AnonymousClient();

        using var toLocal = await PostAsync(local, "/Account/SignIn?ReturnUrl=%2Fhangfire%2Fjobs", user, password);
        using var toElsewhere = await PostAsync(elsewhere, "/Account/SignIn?ReturnUrl=https%3A%2F%2Fexample.org%2F", user, password);

        Assert.Equal("/hangfire/jobs", toLocal.Headers.Location!.OriginalString);
        Assert.Equal("/", toElsewhere.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignInAttempts_BeyondTheLimitPerAddress_Are429_WhileThePageStillOpens()
    {
        using var data = new HealthStats.TestSupport.TempDirectory("dashboard-rate-limit");
        using var server = new DashboardServer(data, ownsData: false, demo: false, new Dictionary<string, string>
        {
            ["HealthStats:Auth:SignInAttemptsPerMinutePerAddress"] = "3",
        });
        using var client = server.AnonymousClient();

        // The fixture's own admin sign-in was the first attempt; unknown users count as attempts too.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await PostAsync(client, "/Account/SignIn", $"nobody-{i}", "wrong password here");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                Assert.Equal("60", response.Headers.RetryAfter!.ToString());
        }
        using var page = await client.GetAsync("/Account/SignIn");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string user, string password) =>
        FormPost.PostAsync(client, path, new() { ["UserName"] = user, ["Password"] = password });
}
