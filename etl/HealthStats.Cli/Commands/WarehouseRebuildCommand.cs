using HealthStats.Warehouse.Build;

namespace HealthStats.Cli.Commands;

internal sealed class WarehouseRebuildCommand : ICommand
{
    public string Name => "warehouse rebuild";

    public string Summary => "Recreates the DuckDB warehouse from the Parquet lake (its source of truth); the old file is kept as .bak.";

    public string Usage =>
        "usage: healthstats warehouse rebuild\n" +
        "Reads lake/batches/*.json, the lake's Parquet files and the quarantine files, builds a new warehouse\n" +
        "beside the old one and swaps them when it is complete. Reference data (classifications and their\n" +
        "addenda, code lists, populations, standard populations: every table of the reference schema) is\n" +
        "copied from the old warehouse. Stop the dashboard first: it holds the warehouse open.";

    public IReadOnlyCollection<string> ValueOptions => [];

    public IReadOnlyCollection<string> Flags => [];

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        if (context.Line.Positional.Count > 0)
            throw new UsageException($"unexpected argument '{context.Line.Positional[0]}'");
        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = WarehouseRebuild.Run(context.Data, context.Warehouse().MemoryLimit);
        context.Out.WriteLine($"rebuilt {context.Data.WarehouseFile} from {result.Batches:N0} batch(es) in {started.Elapsed.TotalSeconds:F1} s" +
            (result.ReferenceCopied ? "" : "; no earlier warehouse: import your classification files again"));
        return Task.FromResult(0);
    }
}
