using System.Text.Json;
using HealthStats.Etl.Jobs;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Cli.Commands;

internal sealed class LakeCompactCommand : ICommand
{
    public string Name => "lake compact";

    public string Summary => "Merges the Parquet lake's small files, partition by partition (the warehouse is unchanged).";

    public string Usage =>
        "usage: healthstats lake compact [--json]\n" +
        "In each table's fiscal-year partition, the files of committed batches under 64 MB become one file.\n" +
        "Needs the warehouse to itself (it keeps batches from landing meanwhile): while the dashboard runs,\n" +
        "trigger its recurring job lake-compaction from /hangfire instead.\n" +
        "  --json   one JSON object: partitions, files_merged, files_written, mb_before, mb_after";

    public IReadOnlyCollection<string> ValueOptions => [];

    public IReadOnlyCollection<string> Flags => ["json"];

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        if (context.Line.Positional.Count > 0)
            throw new UsageException($"unexpected argument '{context.Line.Positional[0]}'");
        var database = context.Warehouse();
        // Holding the warehouse open keeps any other process (a dashboard, another CLI) from landing a batch meanwhile.
        using var hold = database.OpenConnection();
        var result = await new LakeCompactionJob(database).RunAsync(cancellationToken);
        if (context.Line.Flag("json"))
        {
            context.Out.WriteLine(JsonSerializer.Serialize(new
            {
                partitions = result.Partitions, files_merged = result.FilesMerged, files_written = result.FilesWritten,
                mb_before = Math.Round(result.BytesBefore / 1048576.0, 2), mb_after = Math.Round(result.BytesAfter / 1048576.0, 2),
                interrupted_compactions_recovered = result.Recovered,
            }));
            return 0;
        }
        context.Out.WriteLine(result.Partitions == 0
            ? "nothing to compact: no partition has two or more small files"
            : $"merged {result.FilesMerged:N0} files into {result.FilesWritten:N0} in {result.Partitions:N0} partition(s): " +
              $"{result.BytesBefore / 1048576.0:N1} MB -> {result.BytesAfter / 1048576.0:N1} MB");
        if (result.Recovered > 0)
            context.Out.WriteLine($"finished {result.Recovered} interrupted compaction(s)");
        return 0;
    }
}
