using System.IO.Compression;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Reliability;

/// <summary>
/// Kills `healthstats train`, then checks the model registry as a restart finds it: every registered model
/// has its whole file, at most one current model of each kind. Trains again, and checks that it ends with a
/// current model, no file the registry does not name, and that flagging works.
/// </summary>
internal sealed class TrainKillTrial(CrashTrialWorkspace workspace, TimeSpan timeout)
{
    public IReadOnlyList<KillPoint> KillPoints => [
        KillPoint.AtRandom(workspace.Typical[CrashTrialOptions.Train]),
        KillPoint.When("a model file being written", d => KillPoint.AnyFile(Path.Combine(d, "models"), "*.tmp"), TimeSpan.FromMilliseconds(40)),
        KillPoint.When("a model just registered", d => ModelFiles(d) > ModelFiles(workspace.Loaded.Root), TimeSpan.FromMilliseconds(200)),
    ];

    public async Task<CrashTrialOutcome> RunAsync(int trial, KillPoint point, Random random)
    {
        var directory = workspace.NewTrialDirectory(workspace.Loaded);
        var phase = "finished before the kill";
        double? killedAt;
        using (var running = workspace.Cli.Start("train", "--data", directory))
            killedAt = await point.KillAsync(running, directory, random, () => Phase(directory), seen => phase = seen, timeout);

        var data = new DataDirectory(directory);
        var (registered, problem) = CheckRegistry(data);
        var state = $"{registered} models registered";
        if (problem is null)
        {
            await workspace.Cli.RunAsync(timeout, "train", "--data", directory);
            (registered, problem) = CheckRegistry(data);
            problem ??= Unregistered(data);
            if (problem is null && registered == 0)
                problem = "training again registered no model";
            if (problem is null)
            {
                var flags = Path.Combine(directory, "flags.csv");
                await workspace.Cli.RunAsync(timeout, "flag", "--budget", "5", "--out", flags, "--data", directory);
                if (File.ReadLines(flags).Count() != 6)
                    problem = "flag --budget 5 did not write 5 abstracts after training again";
            }
        }
        if (problem is null)
            Directory.Delete(directory, recursive: true);
        return new(CrashTrialOptions.Train, trial, point.Name, Math.Round(killedAt ?? -1, 3), phase, state,
            problem is null ? null : $"{problem} ({directory} kept)");
    }

    private static (int Registered, string? Problem) CheckRegistry(DataDirectory data)
    {
        List<(string Version, string Kind, string File, bool Current)> models;
        using (var connection = new WarehouseDatabase(data).OpenConnection())
            models = connection.Rows("select version, kind, file, is_current from coding.models", r => (r.GetString(0), r.GetString(1), r.GetString(2), r.GetBoolean(3)));
        foreach (var kind in models.GroupBy(m => m.Kind).Where(g => g.Count(m => m.Current) > 1))
            return (models.Count, $"{kind.Count(m => m.Current)} current {kind.Key} models");
        foreach (var model in models)
        {
            var path = Path.Combine(data.ModelsDirectory, model.File);
            if (!File.Exists(path))
                return (models.Count, $"model {model.Version} is registered but {model.File} is missing");
            try
            {
                using var zip = ZipFile.OpenRead(path);
                foreach (var entry in zip.Entries)
                {
                    using var stream = entry.Open();
                    stream.CopyTo(Stream.Null);
                }
            }
            catch (InvalidDataException ex)
            {
                return (models.Count, $"model {model.Version}'s file {model.File} is damaged: {ex.Message}");
            }
        }
        return (models.Count, null);
    }

    private static string? Unregistered(DataDirectory data)
    {
        using var connection = new WarehouseDatabase(data).OpenConnection();
        var registered = connection.Rows("select file from coding.models", r => r.GetString(0)).ToHashSet(StringComparer.Ordinal);
        var stray = Directory.EnumerateFiles(data.ModelsDirectory).Select(Path.GetFileName).FirstOrDefault(f => !registered.Contains(f!));
        return stray is null ? null : $"models/{stray} is left behind, named by no registered model";
    }

    // The loaded directory may hold the anomaly model that ingest trained at its first thousand abstracts.
    private static int ModelFiles(string directory)
    {
        var models = Path.Combine(directory, "models");
        return Directory.Exists(models) ? Directory.EnumerateFiles(models, "*.zip").Count() : 0;
    }

    private string Phase(string directory)
    {
        if (KillPoint.AnyFile(Path.Combine(directory, "models"), "*.tmp"))
            return "writing a model file";
        return ModelFiles(directory) > ModelFiles(workspace.Loaded.Root) ? "after a model was saved" : "reading features, training";
    }
}
