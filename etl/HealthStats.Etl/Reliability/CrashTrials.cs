using System.Diagnostics;

namespace HealthStats.Etl.Reliability;

/// <summary>
/// Kill trials: runs the real healthstats command as a process, kills it with SIGKILL at chosen and random
/// points, restarts and checks that nothing is half done, lost or doubled, then runs it again and checks that
/// it completes as a clean run would. Kill points take turns, so a few trials already cover each of them.
/// </summary>
public static class CrashTrials
{
    public static async Task<CrashTrialReport> RunAsync(CrashTrialOptions options, Action<string> log)
    {
        var clock = Stopwatch.StartNew();
        var workspace = await CrashTrialWorkspace.PrepareAsync(options, log);
        var random = new Random(options.Seed);
        var outcomes = new List<CrashTrialOutcome>();
        foreach (var scenario in options.Scenarios)
        {
            for (var trial = 1; trial <= options.TrialsPerScenario; trial++)
            {
                var outcome = await RunOneAsync(workspace, scenario, trial, random, options.CommandTimeout);
                // A process that finished before its kill point proved nothing about that point: try it again, twice at most.
                for (var retry = 0; retry < 2 && outcome.Passed && outcome.KilledAfterSeconds < 0; retry++)
                    outcome = await RunOneAsync(workspace, scenario, trial, random, options.CommandTimeout);
                outcomes.Add(outcome);
                log($"{scenario} trial {trial}: killed at {outcome.KillPoint} after {outcome.KilledAfterSeconds:F2} s, " +
                    $"{outcome.Phase}; restart found {outcome.AfterKill}: {(outcome.Passed ? "ok" : "FAILED: " + outcome.Problem)}");
            }
        }
        return new CrashTrialReport(outcomes, Math.Round(clock.Elapsed.TotalSeconds, 1));
    }

    private static Task<CrashTrialOutcome> RunOneAsync(CrashTrialWorkspace workspace, string scenario, int trial, Random random, TimeSpan timeout)
    {
        switch (scenario)
        {
            case CrashTrialOptions.Ingest:
                var ingest = new IngestKillTrial(workspace, timeout);
                return ingest.RunAsync(trial, Turn(ingest.KillPoints, trial), random);
            case CrashTrialOptions.Train:
                var train = new TrainKillTrial(workspace, timeout);
                return train.RunAsync(trial, Turn(train.KillPoints, trial), random);
            case CrashTrialOptions.Extract:
                var extract = new ExtractKillTrial(workspace, timeout);
                return extract.RunAsync(trial, Turn(extract.KillPoints, trial), random);
            default:
                throw new ArgumentException($"unknown scenario '{scenario}': {string.Join(", ", CrashTrialOptions.AllScenarios)}", nameof(scenario));
        }
    }

    private static KillPoint Turn(IReadOnlyList<KillPoint> points, int trial) => points[(trial - 1) % points.Count];
}
