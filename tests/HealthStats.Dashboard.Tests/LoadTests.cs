using HealthStats.Etl.Benchmarks;

namespace HealthStats.Dashboard.Tests;

/// <summary>
/// A bounded load test on loopback (the long one is `healthstats bench load --users 50 --seconds 60` on a
/// 1M-abstract data directory): concurrent signed-in users over the dashboard's pages and a ministry pulling
/// an extract from the API, on a real Kestrel port, with no error.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class LoadTests(PublishingDashboard dashboard) : IClassFixture<PublishingDashboard>
{
    [Fact]
    public async Task Load_OfConcurrentUsersAndTheExtractApi_GivesNoError_AndReportsPercentiles()
    {
        var server = dashboard.Server;
        await server.WaitForHomePageWithDataAsync(TimeSpan.FromSeconds(90));
        var (user, password) = server.TestAccount("analyst");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        await HealthStats.Cli.CliApp.RunAsync(["tokens", "issue", "--spec", "monthly", "--data", server.DataDirectory], stdout, stderr);
        var token = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim();

        var result = await LoadBenchmark.RunAsync(
            new LoadBenchmark.Settings(server.BaseAddress, user, password, Users: 8, Duration: TimeSpan.FromSeconds(8), ApiToken: token, ApiSpec: "monthly"),
            CancellationToken.None);

        Assert.True(result.Errors == 0, string.Join("; ", result.FirstErrors));
        Assert.True(result.Requests > 40, $"only {result.Requests} requests in 8 s");
        Assert.Contains(result.Paths, p => p.Path == "/api/extracts/monthly" && p.Requests > 0);
        Assert.Contains(result.Paths, p => p.Path == "/Diagnoses");
        Assert.True(result.P50Ms > 0 && result.P50Ms <= result.P95Ms && result.P95Ms <= result.P99Ms && result.P99Ms <= result.MaxMs);
    }
}
