using System.Text.Json;
using HealthStats.TestSupport;

namespace HealthStats.Cli.Tests;

/// <summary>
/// A bounded run of the kill trials (`healthstats crash-trials`; a longer run is the same command with
/// more --trials): ingest, train and extract each killed with SIGKILL at every kill point, restarted, checked,
/// and run again to the end.
/// </summary>
public sealed class CrashTrialsTests
{
    [Fact]
    public async Task CrashTrials_KilledIngestTrainAndExtract_LeaveNothingHalfDoneLostOrDoubled()
    {
        using var work = new TempDirectory();

        var run = await CliRun.RunAsync("crash-trials", "--trials", "6", "--abstracts", "1500", "--work", work.Path, "--json");

        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        var report = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(18, report.GetProperty("trials").GetInt32());
        Assert.Equal(0, report.GetProperty("failed").GetInt32());
        var outcomes = report.GetProperty("outcomes").EnumerateArray().ToList();
        foreach (var scenario in new[] { "ingest", "train", "extract" })
        {
            var trials = outcomes.Where(o => o.GetProperty("scenario").GetString() == scenario).ToList();
            Assert.All(trials, t => Assert.True(t.GetProperty("passed").GetBoolean(), t.GetProperty("problem").GetString()));
            // Most kills must land while the command is still at work, or the trials prove little.
            var killed = trials.Count(t => t.GetProperty("killed_after_seconds").GetDouble() >= 0);
            Assert.True(killed >= 4, $"{scenario}: only {killed} of 6 trials killed the process before it finished");
        }
        var ingestPoints = outcomes.Where(o => o.GetProperty("scenario").GetString() == "ingest").Select(o => o.GetProperty("kill_point").GetString()).ToHashSet();
        Assert.Contains("the commit", ingestPoints);
        Assert.Contains("a Parquet file half written", ingestPoints);
    }
}
