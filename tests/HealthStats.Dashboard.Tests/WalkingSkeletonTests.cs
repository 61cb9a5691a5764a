using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using HealthStats.Cli;
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
    public async Task HangfireDashboard_Answers_LocalRequests()
    {
        using var response = await server.Client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
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
    }

    [Fact]
    public async Task CliBenchPages_ReportsTheServerTimeOfEveryPage()
    {
        await server.WaitForHomePageWithDataAsync(TimeSpan.FromSeconds(90));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await CliApp.RunAsync(["bench", "pages", "--url", server.BaseAddress.ToString(), "--runs", "5", "--warmup", "1", "--json"], stdout, stderr);

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

    private static long AbstractCount(string html) =>
        long.Parse(CountPattern().Match(html).Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("<tr>\\s*<td>\\d+</td>")]
    private static partial Regex RowPattern();

    [GeneratedRegex("id=\"abstract-count\">([0-9,]+)<")]
    private static partial Regex CountPattern();
}
