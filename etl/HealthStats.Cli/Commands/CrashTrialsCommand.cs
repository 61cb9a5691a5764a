using System.Text.Json;
using HealthStats.Etl.Reliability;

namespace HealthStats.Cli.Commands;

internal sealed class CrashTrialsCommand : ICommand
{
    public string Name => "crash-trials";

    public string Summary => "Kills ingest, train and extract with SIGKILL at chosen and random points and checks that a restart loses and doubles nothing.";

    public string Usage =>
        "usage: healthstats crash-trials [--trials N] [--scenario ingest|train|extract|all] [--abstracts N] [--seed S] [--work DIR] [--json]\n" +
        "  --trials N       kill trials per scenario (default 30)\n" +
        "  --scenario S     ingest, train, extract or all (default all)\n" +
        "  --abstracts N    abstracts generated, in two batches (default 4000)\n" +
        "  --seed S         generator and kill-time seed (default 7)\n" +
        "  --work DIR       where the data directories go (default: a temporary folder, removed after unless a trial fails)\n" +
        "  --json           one object: trials, failed, seconds, by_phase, by_after_kill, and every trial\n" +
        "Each trial copies a prepared data directory, starts the command as a process of its own, kills it, opens the\n" +
        "warehouse as a restart would, checks it, runs the command again and checks that it ends as a clean run did.\n" +
        "Exits 1 when a trial fails; its data directory is kept for inspection.";

    public IReadOnlyCollection<string> ValueOptions => ["trials", "scenario", "abstracts", "seed", "work"];

    public IReadOnlyCollection<string> Flags => ["json"];

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var line = context.Line;
        if (line.Positional.Count > 0)
            throw new UsageException($"unexpected argument '{line.Positional[0]}'");
        var trials = line.Int("trials", 30);
        if (trials < 1)
            throw new UsageException("--trials must be at least 1");
        var abstracts = line.Int("abstracts", 4_000);
        if (abstracts < 100)
            throw new UsageException("--abstracts must be at least 100");
        var scenario = line.Value("scenario") ?? "all";
        IReadOnlyList<string> scenarios = scenario == "all" ? CrashTrialOptions.AllScenarios
            : CrashTrialOptions.AllScenarios.Contains(scenario) ? [scenario]
            : throw new UsageException($"--scenario must be ingest, train, extract or all (got '{scenario}')");
        var work = line.Value("work");
        var temporary = work is null;
        work ??= Path.Combine(Path.GetTempPath(), $"healthstats-crash-{Guid.NewGuid():N}");
        var json = line.Flag("json");

        // This process's own entry assembly is the command every trial starts.
        var cliDll = typeof(CrashTrialsCommand).Assembly.Location;
        var options = new CrashTrialOptions(cliDll, work, scenarios, trials, abstracts, line.Int("seed", 7));
        var report = await CrashTrials.RunAsync(options, message => context.Error.WriteLine(message));
        if (json)
        {
            context.Out.WriteLine(JsonSerializer.Serialize(new
            {
                trials = report.Trials.Count,
                failed = report.Failed,
                seconds = report.Seconds,
                by_phase = report.ByPhase,
                by_after_kill = report.ByAfterKill,
                outcomes = report.Trials.Select(t => new
                {
                    scenario = t.Scenario, trial = t.Trial, kill_point = t.KillPoint, killed_after_seconds = t.KilledAfterSeconds,
                    phase = t.Phase, after_kill = t.AfterKill, passed = t.Passed, problem = t.Problem,
                }),
            }));
        }
        else
        {
            context.Out.WriteLine($"{report.Trials.Count} kill trials in {report.Seconds:F0} s: {report.Trials.Count - report.Failed} passed, {report.Failed} failed");
            foreach (var (phase, count) in report.ByPhase)
                context.Out.WriteLine($"  killed in {phase,-50} {count,4}");
            foreach (var (state, count) in report.ByAfterKill)
                context.Out.WriteLine($"  restart found {state,-46} {count,4}");
            foreach (var failure in report.Trials.Where(t => !t.Passed))
                context.Out.WriteLine($"  FAILED {failure.Scenario} trial {failure.Trial} ({failure.KillPoint}): {failure.Problem}");
        }
        if (temporary && report.Failed == 0 && Directory.Exists(work))
            Directory.Delete(work, recursive: true);
        return report.Failed == 0 ? 0 : 1;
    }
}
