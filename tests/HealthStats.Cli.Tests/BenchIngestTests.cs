using System.Text.Json;

namespace HealthStats.Cli.Tests;

public sealed class BenchIngestTests
{
    [Fact]
    public async Task BenchIngest_ReportsIngestAndCeiling_AsJson()
    {
        var run = await CliRun.RunAsync("bench", "ingest", "--abstracts", "300", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        var result = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(300, result.GetProperty("abstracts").GetInt32());
        foreach (var name in new[] { "ingest_seconds", "ceiling_seconds", "ratio", "peak_rss_mb" })
            Assert.True(result.GetProperty(name).GetDouble() > 0, name);
        Assert.Equal(300, result.GetProperty("loaded").GetInt32() + result.GetProperty("quarantined").GetInt32());
    }
}
