using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Reliability;

/// <summary>
/// Kills `healthstats ingest` of the second batch, opens the warehouse as a restart would and checks that
/// it holds the batch whole or not at all, then ingests the file again and checks that the directory ends
/// exactly as a clean run left it: every batch once, no abstract twice or missing, counts reconciled.
/// </summary>
internal sealed class IngestKillTrial(CrashTrialWorkspace workspace, TimeSpan timeout)
{
    public IReadOnlyList<KillPoint> KillPoints => [
        KillPoint.AtRandom(workspace.Typical[CrashTrialOptions.Ingest]),
        KillPoint.When("a Parquet file half written", d => KillPoint.AnyFile(Path.Combine(d, "lake"), "*.parquet.tmp"), TimeSpan.FromMilliseconds(150)),
        KillPoint.When("quarantine being written", d => KillPoint.AnyFile(Path.Combine(d, "quarantine"), $"batch-{workspace.SecondBatchId}.jsonl"), TimeSpan.FromMilliseconds(60)),
        KillPoint.When("the warehouse build", LandedNotCommitted, workspace.Typical[CrashTrialOptions.Ingest] * 0.5),
        KillPoint.When("the commit", d => KillPoint.AnyFile(Path.Combine(d, "lake", "batches"), "*.pending"), TimeSpan.Zero),
        KillPoint.When("after the commit (checkpoint, scoring)", d => File.Exists(Path.Combine(d, "lake", "batches", $"batch-{workspace.SecondBatchId}.json")), TimeSpan.FromMilliseconds(300)),
    ];

    public async Task<CrashTrialOutcome> RunAsync(int trial, KillPoint point, Random random)
    {
        var directory = workspace.NewTrialDirectory(workspace.BeforeSecond);
        var phase = "finished before the kill";
        double? killedAt;
        using (var running = workspace.Cli.Start("ingest", workspace.SecondBatch, "--data", directory, "--json"))
            killedAt = await point.KillAsync(running, directory, random, () => Phase(directory), seen => phase = seen, timeout);

        var data = new DataDirectory(directory);
        // As a restart: the dashboard and every command prepare the warehouse first, which takes a batch killed
        // between its two commits out of core again (BatchesInFlight).
        WarehouseSetup.Initialize(new WarehouseDatabase(data));
        var afterKill = WarehouseFingerprint.Of(data).Warehouse;
        string state;
        if (WarehouseFingerprint.Difference(workspace.BeforeSecondPrint.Warehouse, afterKill) is null)
            state = "batch absent";
        else if (WarehouseFingerprint.Difference(workspace.LoadedPrint.Warehouse, afterKill) is null)
            state = "batch whole";
        else
            return Outcome(trial, point, killedAt, phase, "half a batch",
                $"after the kill the warehouse is neither before nor after the batch: {WarehouseFingerprint.Difference(workspace.LoadedPrint.Warehouse, afterKill)}");

        await workspace.Cli.RunAsync(timeout, "ingest", workspace.SecondBatch, "--data", directory, "--json");
        var final = WarehouseFingerprint.Of(data);
        var problem = WarehouseFingerprint.Difference(workspace.LoadedPrint.Warehouse, final.Warehouse)
            ?? WarehouseFingerprint.Difference(workspace.LoadedPrint.Lake, final.Lake);
        if (problem is null)
            Directory.Delete(directory, recursive: true);
        return Outcome(trial, point, killedAt, phase, state, problem is null ? null : $"after ingesting again ({directory} kept): {problem}");
    }

    private static CrashTrialOutcome Outcome(int trial, KillPoint point, double? killedAt, string phase, string state, string? problem) =>
        new(CrashTrialOptions.Ingest, trial, point.Name, Math.Round(killedAt ?? -1, 3), phase, state, problem);

    private bool LandedNotCommitted(string directory) =>
        KillPoint.AnyFile(Path.Combine(directory, "lake", "abstracts"), $"batch-{workspace.SecondBatchId}.parquet")
        && !KillPoint.AnyFile(Path.Combine(directory, "lake"), "*.parquet.tmp");

    /// <summary>What the process was doing, told by its files.</summary>
    private string Phase(string directory)
    {
        var lake = Path.Combine(directory, "lake");
        if (KillPoint.AnyFile(lake, "*.parquet.tmp"))
            return "landing (Parquet)";
        if (KillPoint.AnyFile(Path.Combine(lake, "batches"), "*.pending"))
            return "commit";
        if (File.Exists(Path.Combine(lake, "batches", $"batch-{workspace.SecondBatchId}.json")))
            return "after commit";
        if (KillPoint.AnyFile(Path.Combine(lake, "abstracts"), $"batch-{workspace.SecondBatchId}.parquet"))
            return "warehouse build";
        if (KillPoint.AnyFile(Path.Combine(directory, "quarantine"), $"batch-{workspace.SecondBatchId}.jsonl"))
            return "landing (quarantine)";
        return "start-up, reading";
    }
}
