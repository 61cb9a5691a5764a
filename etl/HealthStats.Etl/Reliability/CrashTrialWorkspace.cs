using System.Diagnostics;
using System.Security.Cryptography;
using HealthStats.Etl.Generation;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Reliability;

/// <summary>
/// What every trial starts from, made once by running the real command to the end: two files of generated
/// abstracts (the first already loaded in the base directory, the second the one each ingest trial loads),
/// the data directory after both (the reference a trial must end equal to), the same with audit outcomes
/// for training, an extract spec and the extract a clean run writes. Trials copy a directory and break the copy.
/// </summary>
public sealed class CrashTrialWorkspace
{
    public const string SpecJson = """
        {
          "name": "crash-trial",
          "fiscal_years": ["2024"],
          "suppression": { "policy": "CIHI", "minimum_region_population": null },
          "tables": [
            { "name": "discharges_by_region_sex", "indicator": "discharges", "dimensions": ["region", "sex"] },
            { "name": "mortality_by_region", "indicator": "in_hospital_mortality", "dimensions": ["region"] },
            { "name": "mrdx_by_block", "indicator": "mrdx_discharges", "dimensions": ["chapter", "block"] }
          ]
        }
        """;

    private int trialDirectories;

    private CrashTrialWorkspace(string root, CliProcess cli)
    {
        Root = root;
        Cli = cli;
    }

    public string Root { get; }

    public CliProcess Cli { get; }

    public string FirstBatch => Path.Combine(Root, "first.csv");

    public string SecondBatch => Path.Combine(Root, "second.csv");

    /// <summary>The second file's batch id: its SHA-256's first 16 hex digits, as ingest names it.</summary>
    public string SecondBatchId { get; private set; } = "";

    /// <summary>The truth of every other generated abstract, as audit outcomes: the rest stay to be flagged.</summary>
    public string Labels => Path.Combine(Root, "labels.csv");

    public string Spec => Path.Combine(Root, "crash-trial.json");

    /// <summary>The first batch loaded: where ingest trials start.</summary>
    public DataDirectory BeforeSecond => new(Path.Combine(Root, "before-second"));

    /// <summary>Both batches loaded by clean runs, audit outcomes imported: what ingest trials must end with, and where the others start.</summary>
    public DataDirectory Loaded => new(Path.Combine(Root, "loaded"));

    public string ReferenceExtract => Path.Combine(Root, "reference-extract");

    public WarehouseFingerprint BeforeSecondPrint { get; private set; } = null!;

    public WarehouseFingerprint LoadedPrint { get; private set; } = null!;

    /// <summary>How long a clean run of each scenario took: the span random kills fall in.</summary>
    public Dictionary<string, TimeSpan> Typical { get; } = [];

    public static async Task<CrashTrialWorkspace> PrepareAsync(CrashTrialOptions options, Action<string> log)
    {
        var root = Path.GetFullPath(options.WorkDirectory);
        Directory.CreateDirectory(root);
        // Trials run the command as a site would, with a configured key, never one made up on the spot.
        var keyFile = Path.Combine(root, "hmac.key");
        if (!File.Exists(keyFile))
            File.WriteAllText(keyFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        var cli = new CliProcess(options.CliDll, new Dictionary<string, string> { ["HealthStats__HmacKeyFile"] = keyFile });
        var workspace = new CrashTrialWorkspace(root, cli);
        await workspace.MakeAsync(options, log);
        return workspace;
    }

    private async Task MakeAsync(CrashTrialOptions options, Action<string> log)
    {
        var timeout = options.CommandTimeout;
        AbstractGenerator.Generate(new GeneratorOptions(options.Abstracts, options.Seed, ErrorRate: 0.08), Path.Combine(Root, "generated"));
        SplitInTwo(Path.Combine(Root, "generated", AbstractFormats.FileName(AbstractFormats.Csv)), FirstBatch, SecondBatch);
        File.WriteAllText(Spec, SpecJson);
        var truth = File.ReadAllLines(Path.Combine(Root, "generated", "truth.csv"));
        File.WriteAllLines(Labels, [truth[0], .. truth.Skip(1).Where((_, i) => i % 2 == 0)]);
        SecondBatchId = (await Ingest.FileHash.Sha256Async(SecondBatch, CancellationToken.None))[..16];
        foreach (var folder in new[] { BeforeSecond.Root, Loaded.Root, ReferenceExtract })
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }

        await Cli.RunAsync(timeout, "ingest", FirstBatch, "--data", BeforeSecond.Root, "--json");
        BeforeSecondPrint = WarehouseFingerprint.Of(BeforeSecond);
        CopyDirectory(BeforeSecond.Root, Loaded.Root);
        Typical[CrashTrialOptions.Ingest] = await TimeAsync(timeout, "ingest", SecondBatch, "--data", Loaded.Root, "--json");
        LoadedPrint = WarehouseFingerprint.Of(Loaded);
        // Outcomes of abstracts that were quarantined are rejected (exit 1); the others are imported.
        await Cli.RunAsync(timeout, new HashSet<int> { 0, 1 }, "labels", "import", Labels, "--data", Loaded.Root);
        Typical[CrashTrialOptions.Extract] = await TimeAsync(timeout, "extract", "--spec", Spec, "--out", ReferenceExtract, "--data", Loaded.Root);
        // Timed on a copy: the trials start from a directory where no model was trained yet.
        var timing = NewTrialDirectory(Loaded);
        Typical[CrashTrialOptions.Train] = await TimeAsync(timeout, "train", "--data", timing);
        Directory.Delete(timing, recursive: true);
        log($"prepared {Root}: {options.Abstracts:N0} abstracts in two batches; clean runs: " +
            string.Join(", ", Typical.Select(t => $"{t.Key} {t.Value.TotalSeconds:F1} s")));
    }

    /// <summary>A fresh copy of a prepared data directory for one trial.</summary>
    public string NewTrialDirectory(DataDirectory from)
    {
        var target = Path.Combine(Root, "trials", $"trial-{Interlocked.Increment(ref trialDirectories):D3}");
        if (Directory.Exists(target))
            Directory.Delete(target, recursive: true);
        CopyDirectory(from.Root, target);
        return target;
    }

    private async Task<TimeSpan> TimeAsync(TimeSpan timeout, params string[] arguments)
    {
        var clock = Stopwatch.StartNew();
        await Cli.RunAsync(timeout, arguments);
        return clock.Elapsed;
    }

    // Header and the first half of the rows, then header and the rest (one abstract a line in the generated CSV).
    private static void SplitInTwo(string csv, string first, string second)
    {
        var lines = File.ReadAllLines(csv);
        var half = 1 + (lines.Length - 1) / 2;
        File.WriteAllLines(first, lines[..half]);
        File.WriteAllLines(second, [lines[0], .. lines[half..]]);
    }

    public static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(source, directory)));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(target, Path.GetRelativePath(source, file)), overwrite: true);
    }
}
