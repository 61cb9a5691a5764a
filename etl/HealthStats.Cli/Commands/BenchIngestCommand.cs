using System.Text.Json;
using HealthStats.Etl.Benchmarks;

namespace HealthStats.Cli.Commands;

internal sealed class BenchIngestCommand : ICommand
{
    public string Name => "bench ingest";

    public string Summary => "Benchmarks an end-to-end ingest against DuckDB's own CSV-to-Parquet COPY of the same file.";

    public string Usage =>
        "usage: healthstats bench ingest --abstracts N [--seed S] [--memory-limit SIZE] [--work DIR] [--json]\n" +
        "  --abstracts N        abstracts to generate and ingest\n" +
        "  --seed S             generator seed (default 7)\n" +
        "  --memory-limit SIZE  DuckDB memory_limit for both runs, e.g. 2GB (default: DuckDB's own)\n" +
        "  --work DIR           where the file and data directories go (default: a temporary folder, removed after)\n" +
        "  --json               one object: abstracts, ingest_seconds, ceiling_seconds, ratio, peak_rss_mb, ...";

    public IReadOnlyCollection<string> ValueOptions => ["abstracts", "seed", "memory-limit", "work"];

    public IReadOnlyCollection<string> Flags => ["json"];

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var line = context.Line;
        var abstracts = line.Int("abstracts");
        if (abstracts <= 0)
            throw new UsageException("--abstracts must be at least 1");
        using var work = BenchWorkDirectory.Open(line.Value("work"), context.Error);
        var json = line.Flag("json");
        var result = IngestBenchmark.Run(abstracts, line.Int("seed", 7), work.Path, line.Value("memory-limit"), json ? null : context.Error.WriteLine);
        if (json)
        {
            context.Out.WriteLine(JsonSerializer.Serialize(result));
        }
        else
        {
            context.Out.WriteLine($"abstracts        {result.Abstracts,12:N0}   ({result.FileMb:N1} MB of CSV; loaded {result.Loaded:N0}, quarantined {result.Quarantined:N0})");
            context.Out.WriteLine($"ingest           {result.IngestSeconds,12:F2} s  (setup {result.SetupSeconds:F2} s, landing {result.LandSeconds:F2} s, warehouse {result.WarehouseSeconds:F2} s)");
            context.Out.WriteLine($"processor time   {result.LandCpuSeconds + result.WarehouseCpuSeconds,12:F2} s  (setup and landing {result.LandCpuSeconds:F2} s, warehouse {result.WarehouseCpuSeconds:F2} s)");
            context.Out.WriteLine($"ceiling (DuckDB) {result.CeilingSeconds,12:F2} s  (COPY to Parquet + CREATE TABLE from the same CSV)");
            context.Out.WriteLine($"ratio            {result.Ratio,12:F2}");
            context.Out.WriteLine($"peak RSS         {result.PeakRssMb,12:N0} MB");
            var slowest = result.ModelSeconds.OrderByDescending(m => m.Value).Take(5).Select(m => $"{m.Key} {m.Value:F2} s");
            context.Out.WriteLine($"slowest models   {string.Join(", ", slowest)}");
        }
        return Task.FromResult(0);
    }
}
