using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using HealthStats.Cli;
using HealthStats.Etl.Accounts;
using HealthStats.Etl.Benchmarks;
using HealthStats.TestSupport;

namespace HealthStats.Dashboard.Tests;

/// <summary>
/// A new user's first minutes: the dashboard starts on an empty data directory, makes demo data,
/// and shows the chart and the table; then the CLI ingests another file while it runs.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed partial class WalkingSkeletonTests(DashboardServer server) : IClassFixture<DashboardServer>
{
    [Fact]
    public async Task HomePage_ShowsTheChartAndTheTop20_AfterTheDemoIsIngested()
    {
        var html = await server.WaitForHomePageWithDataAsync(TimeSpan.FromSeconds(90));

        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("Discharges per month by ICD-10 chapter", html, StringComparison.Ordinal);
        var rows = RowPattern().Matches(html[html.IndexOf("id=\"top-diagnoses\"", StringComparison.Ordinal)..]);
        Assert.Equal(20, rows.Count);
        Assert.DoesNotContain("(no title in the classification)", html, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(server.DataDirectory, "warehouse.duckdb")));
        Assert.True(File.Exists(Path.Combine(server.DataDirectory, "hangfire.db")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(server.DataDirectory, "lake"), "*.parquet", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task HangfireDashboard_Answers_Admins_AndNoOtherRole()
    {
        using var analyst = await server.SignInAsync(AccountRoles.Analyst);
        using var anonymous = server.AnonymousClient();

        using var asAdmin = await server.Client.GetAsync("/hangfire");
        using var asAnalyst = await analyst.GetAsync("/hangfire");
        using var asAnonymous = await anonymous.GetAsync("/hangfire/recurring");

        Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
        Assert.Contains("Hangfire Dashboard", await asAdmin.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, asAnalyst.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, asAnonymous.StatusCode);
        Assert.StartsWith("/Account/SignIn?ReturnUrl=%2Fhangfire%2Frecurring", asAnonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoAccounts_OnePerRole_ArePrintedOnce_SignIn_AndAreStoredOnlyHashed()
    {
        var passwords = server.DemoPasswords;

        Assert.Equal(AccountRoles.All.Order(), passwords.Keys.Order());
        Assert.Equal(4, passwords.Values.Distinct().Count());
        var accountsFile = await File.ReadAllBytesAsync(Path.Combine(server.DataDirectory, "secrets", "accounts.db"));
        foreach (var (user, password) in passwords)
        {
            Assert.Equal(user, server.Accounts.Find(user)!.Role);
            using var client = await DashboardSignIn.SignInAsync(server.BaseAddress, user, password, TimeSpan.FromSeconds(30), CancellationToken.None);
            using var home = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            Assert.Contains($"{user} ({user})", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(-1, accountsFile.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(password)));
        }
    }

    [Fact]
    public async Task InternalIngest_IsRefused_WithoutTheToken()
    {
        using var response = await server.Client.PostAsync("/internal/ingest", new StringContent("{\"paths\":[\"/etc/hostname\"]}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task CliIngest_IsHandedToTheRunningDashboard_AndTheNewDataShows()
    {
        await server.WaitForHomePageWithDataAsync(TimeSpan.FromSeconds(90));
        var before = AbstractCount(await server.Client.GetStringAsync("/"));
        var chartedBefore = ChartedDischarges(await server.Client.GetStringAsync("/charts/discharges-by-chapter.csv"));
        var outDirectory = server.Data.Combine("more");
        using var generated = new StringWriter();
        Assert.Equal(0, await CliApp.RunAsync(["generate", "--abstracts", "500", "--seed", "99", "--out", outDirectory], generated, generated));

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(["ingest", Path.Combine(outDirectory, "abstracts.csv"), "--json", "--data", server.DataDirectory], stdout, stderr);

        Assert.True(exit == 0, stderr.ToString());
        using var json = JsonDocument.Parse(stdout.ToString());
        Assert.Equal(500, json.RootElement.GetProperty("received").GetInt32());
        Assert.Equal(500, json.RootElement.GetProperty("loaded").GetInt32() + json.RootElement.GetProperty("quarantined").GetInt32());
        var after = AbstractCount(await server.Client.GetStringAsync("/"));
        var root = json.RootElement;
        Assert.Equal(before + root.GetProperty("loaded").GetInt32() - root.GetProperty("replaced").GetInt32(), after);
        // The chart drawn before the batch was cached: the batch must have made it stale.
        Assert.Equal(before, chartedBefore);
        Assert.Equal(after, ChartedDischarges(await server.Client.GetStringAsync("/charts/discharges-by-chapter.csv")));
    }

    private static long ChartedDischarges(string csv) =>
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Sum(line => long.Parse(line[(line.LastIndexOf(',') + 1)..], System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task CliBenchPages_ReportsTheServerTimeOfEveryPage()
    {
        await server.WaitForHomePageWithDataAsync(TimeSpan.FromSeconds(90));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var passwordFile = server.Data.Combine("bench-password.txt");
        await File.WriteAllTextAsync(passwordFile, server.TestPassword("test-admin") + "\n");

        var exit = await CliApp.RunAsync(["bench", "pages", "--url", server.BaseAddress.ToString(), "--user", "test-admin", "--password-file", passwordFile, "--runs", "5", "--warmup", "1", "--json"], stdout, stderr);

        Assert.True(exit == 0, stderr.ToString());
        using var json = JsonDocument.Parse(stdout.ToString());
        var pages = json.RootElement.GetProperty("pages").EnumerateArray().ToList();
        Assert.Contains(pages, p => p.GetProperty("path").GetString() == "/");
        Assert.All(pages, p =>
        {
            Assert.InRange(p.GetProperty("server_p50_ms").GetDouble(), 0.01, 30_000);
            Assert.True(p.GetProperty("server_p95_ms").GetDouble() >= p.GetProperty("server_p50_ms").GetDouble());
            Assert.True(p.GetProperty("client_p95_ms").GetDouble() >= p.GetProperty("server_p50_ms").GetDouble());
        });
        using var response = await server.Client.GetAsync("/");
        Assert.Matches("^app;dur=[0-9]+\\.[0-9]$", response.Headers.GetValues("Server-Timing").Single());
    }

    [Fact]
    public async Task CliBenchPages_SaysItNeedsASignIn_WithoutUser_AndNamesAWrongPassword()
    {
        var passwordFile = server.Data.Combine("wrong-password.txt");
        await File.WriteAllTextAsync(passwordFile, "not the password at all\n");

        var anonymous = await RunCliAsync("bench", "pages", "--url", server.BaseAddress.ToString(), "--runs", "1", "--warmup", "0");
        var wrong = await RunCliAsync("bench", "pages", "--url", server.BaseAddress.ToString(), "--user", "test-admin", "--password-file", passwordFile, "--runs", "1");

        Assert.Equal(1, anonymous.Exit);
        Assert.Contains("/ needs a sign-in: give --user USER", anonymous.Error, StringComparison.Ordinal);
        Assert.Equal(1, wrong.Exit);
        Assert.Contains("signing in as test-admin failed: Wrong user name or password.", wrong.Error, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Error)> RunCliAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, stdout, stderr);
        return (exit, stderr.ToString());
    }

    private static long AbstractCount(string html) =>
        long.Parse(CountPattern().Match(html).Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("<tr>\\s*<td>\\d+</td>")]
    private static partial Regex RowPattern();

    [GeneratedRegex("id=\"abstract-count\">([0-9,]+)<")]
    private static partial Regex CountPattern();
}
