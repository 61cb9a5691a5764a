using System.Security.Cryptography;
using System.Text.Json;

namespace HealthStats.Etl.Reliability;

/// <summary>
/// Kills `healthstats extract`, then checks the output folder as a ministry would find it: no manifest (an
/// extract that did not finish), or a manifest whose every file is there with its hash. Extracts again, and
/// checks that the folder holds exactly what a clean run wrote, byte for byte.
/// </summary>
internal sealed class ExtractKillTrial(CrashTrialWorkspace workspace, TimeSpan timeout)
{
    public IReadOnlyList<KillPoint> KillPoints => [
        KillPoint.AtRandom(workspace.Typical[CrashTrialOptions.Extract]),
        // The output folder appears just before its files are written, which takes a few milliseconds.
        KillPoint.When("files being written", d => Directory.Exists(Path.Combine(d, "out")), TimeSpan.FromMilliseconds(40)),
    ];

    public async Task<CrashTrialOutcome> RunAsync(int trial, KillPoint point, Random random)
    {
        var directory = workspace.NewTrialDirectory(workspace.Loaded);
        var output = Path.Combine(directory, "out");
        var phase = "finished before the kill";
        double? killedAt;
        using (var running = workspace.Cli.Start("extract", "--spec", workspace.Spec, "--out", output, "--data", directory))
            killedAt = await point.KillAsync(running, directory, random, () => Phase(output), seen => phase = seen, timeout);

        var (state, problem) = CheckFolder(output);
        if (problem is null)
        {
            await workspace.Cli.RunAsync(timeout, "extract", "--spec", workspace.Spec, "--out", output, "--data", directory);
            problem = SameFiles(workspace.ReferenceExtract, output);
            if (problem is null)
                await workspace.Cli.RunAsync(timeout, "audit", "verify", "--data", directory);
        }
        if (problem is null)
            Directory.Delete(directory, recursive: true);
        return new(CrashTrialOptions.Extract, trial, point.Name, Math.Round(killedAt ?? -1, 3), phase, state,
            problem is null ? null : $"{problem} ({directory} kept)");
    }

    private static (string State, string? Problem) CheckFolder(string folder)
    {
        var manifest = Path.Combine(folder, "manifest.json");
        if (!File.Exists(manifest))
            return ("no manifest: unfinished", null);
        using var json = JsonDocument.Parse(File.ReadAllBytes(manifest));
        foreach (var file in json.RootElement.GetProperty("files").EnumerateArray())
        {
            var name = file.GetProperty("name").GetString()!;
            var path = Path.Combine(folder, name);
            if (!File.Exists(path))
                return ("manifest", $"the manifest names {name}, which is missing");
            if (Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))) != file.GetProperty("sha256").GetString())
                return ("manifest", $"{name} does not have the hash its manifest gives");
        }
        return ("complete, manifest matches", null);
    }

    private static string? SameFiles(string expected, string actual)
    {
        static string[] Names(string folder) => Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
        var (want, have) = (Names(expected), Names(actual));
        if (!want.SequenceEqual(have))
            return $"the folder holds {string.Join(", ", have)}, a clean run wrote {string.Join(", ", want)}";
        foreach (var name in want)
        {
            if (!File.ReadAllBytes(Path.Combine(expected, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, name))))
                return $"{name} differs from a clean run's";
        }
        return null;
    }

    private static string Phase(string output) =>
        KillPoint.AnyDirectory(output, ".partial-*") ? "writing files" : Directory.Exists(output) ? "finishing (audit log)" : "reading the warehouse, suppressing";
}
