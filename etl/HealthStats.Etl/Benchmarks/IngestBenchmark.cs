using System.Diagnostics;
using System.Text.Json.Serialization;
using HealthStats.Etl.Deidentification;
using HealthStats.Etl.Generation;
using HealthStats.Etl.Ingest;
using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Benchmarks;

/// <summary>
/// Times an end-to-end ingest of a generated file into a fresh data directory against a ceiling
/// measured in the same run on the same file: DuckDB's own CSV-to-Parquet COPY plus a CREATE TABLE
/// from the CSV, with explicit column types (its sniffer mistypes sparse columns). Peak memory is
/// the process's high-water mark once the ingest is done, before the ceiling runs.
/// </summary>
public static class IngestBenchmark
{
    /// <summary>True when this code was compiled without optimisation: its timings say little about a release build.</summary>
    public static bool IsDebugBuild =>
        typeof(IngestBenchmark).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false)
            .OfType<DebuggableAttribute>().Any(a => a.IsJITOptimizerDisabled);

    public static IngestBenchmarkResult Run(int abstracts, int seed, string workDirectory, string? memoryLimit, Action<string>? log)
    {
        Directory.CreateDirectory(workDirectory);
        var file = Path.Combine(workDirectory, AbstractGenerator.AbstractsFileName);
        log?.Invoke($"generating {abstracts:N0} abstracts (not timed)");
        AbstractGenerator.Generate(new GeneratorOptions(abstracts, seed, ErrorRate: 0.05), workDirectory);

        log?.Invoke("ingesting end to end into a fresh data directory");
        var data = new DataDirectory(Path.Combine(workDirectory, "data"));
        var database = new WarehouseDatabase(data, memoryLimit);
        var clock = Stopwatch.StartNew();
        var cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        WarehouseSetup.Initialize(database);
        var setupSeconds = clock.Elapsed.TotalSeconds;
        var cpuAtLanded = TimeSpan.Zero;
        using var pseudonymiser = new Pseudonymiser(HmacKeyStore.LoadOrCreate(data));
        var modelSeconds = new Dictionary<string, double>(StringComparer.Ordinal);
        var options = new IngestOptions
        {
            ModelBuilt = (model, took) => modelSeconds[model] = Math.Round(took.TotalSeconds, 2),
            Landed = _ => cpuAtLanded = Process.GetCurrentProcess().TotalProcessorTime,
        };
        var summary = new IngestService(database, pseudonymiser).IngestFileAsync(file, options, CancellationToken.None)
            .GetAwaiter().GetResult();
        var ingestSeconds = clock.Elapsed.TotalSeconds;
        var cpuAtEnd = Process.GetCurrentProcess().TotalProcessorTime;
        var peakMb = PeakResidentMegabytes();

        log?.Invoke("measuring the ceiling: DuckDB COPY to Parquet and CREATE TABLE from the same CSV");
        var ceiling = new DuckDbCeiling(Path.Combine(workDirectory, "ceiling"), memoryLimit);
        var ceilingSeconds = ceiling.Measure(file);

        return new IngestBenchmarkResult
        {
            Abstracts = abstracts,
            Loaded = summary.Loaded,
            Quarantined = summary.Quarantined,
            IngestSeconds = Math.Round(ingestSeconds, 2),
            SetupSeconds = Math.Round(setupSeconds, 2),
            LandSeconds = summary.LandSeconds,
            WarehouseSeconds = summary.WarehouseSeconds,
            LandCpuSeconds = Math.Round((cpuAtLanded - cpuAtStart).TotalSeconds, 2),
            WarehouseCpuSeconds = Math.Round((cpuAtEnd - cpuAtLanded).TotalSeconds, 2),
            CeilingSeconds = Math.Round(ceilingSeconds, 2),
            Ratio = Math.Round(ingestSeconds / ceilingSeconds, 2),
            PeakRssMb = peakMb,
            FileMb = Math.Round(new FileInfo(file).Length / 1048576.0, 1),
            ModelSeconds = modelSeconds,
            Build = IsDebugBuild ? "debug" : "release",
        };
    }

    /// <summary>VmHWM from /proc (Linux): the most resident memory the process has held.</summary>
    private static long PeakResidentMegabytes()
    {
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            foreach (var line in File.ReadLines(status))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
            }
        }
        return Process.GetCurrentProcess().PeakWorkingSet64 / 1048576;
    }
}

public sealed record IngestBenchmarkResult
{
    [JsonPropertyName("abstracts")] public int Abstracts { get; init; }
    [JsonPropertyName("loaded")] public int Loaded { get; init; }
    [JsonPropertyName("quarantined")] public int Quarantined { get; init; }
    [JsonPropertyName("ingest_seconds")] public double IngestSeconds { get; init; }
    [JsonPropertyName("setup_seconds")] public double SetupSeconds { get; init; }
    [JsonPropertyName("land_seconds")] public double LandSeconds { get; init; }
    [JsonPropertyName("warehouse_seconds")] public double WarehouseSeconds { get; init; }

    /// <summary>Processor time of both cores, less noisy than wall time: setup and landing, then the warehouse.</summary>
    [JsonPropertyName("land_cpu_seconds")] public double LandCpuSeconds { get; init; }
    [JsonPropertyName("warehouse_cpu_seconds")] public double WarehouseCpuSeconds { get; init; }
    [JsonPropertyName("ceiling_seconds")] public double CeilingSeconds { get; init; }
    [JsonPropertyName("ratio")] public double Ratio { get; init; }
    [JsonPropertyName("peak_rss_mb")] public long PeakRssMb { get; init; }
    [JsonPropertyName("file_mb")] public double FileMb { get; init; }
    [JsonPropertyName("build")] public string Build { get; init; } = "release";

    /// <summary>Of the warehouse's seconds: each model's, in build order.</summary>
    [JsonPropertyName("model_seconds")] public IReadOnlyDictionary<string, double> ModelSeconds { get; init; } = new Dictionary<string, double>();
}
