using DuckDB.NET.Data;
using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Warehouse.Lake;

/// <summary>
/// Merges the lake's small files: every batch lands one file per table and fiscal year, so a nightly
/// feed from dozens of facilities leaves thousands of small files that slow every reader. In each
/// partition, the small files of committed batches (and earlier merged files) become one file.
/// Rows keep their batch_id, so the warehouse and its rebuild are unchanged by it.
/// </summary>
public static class LakeCompaction
{
    /// <summary>Files at least this large are left as they are.</summary>
    public const long DefaultSmallFileBytes = 64L << 20;

    /// <summary>
    /// Compacts the lake. The caller holds the data directory's write gate (or the warehouse), so no
    /// batch lands meanwhile; files of batches without a manifest (not committed) are never touched.
    /// The warehouse's core views (CoreViews) move to the merged files before their sources are deleted.
    /// </summary>
    public static CompactionResult Run(WarehouseDatabase database, long smallFileBytes = DefaultSmallFileBytes)
    {
        var data = database.DataDirectory;
        using var warehouse = database.OpenConnection();
        // An interrupted compaction: the views leave its sources for its merged file before the sources go.
        CoreViews.RefreshAlone(warehouse, data);
        var recovered = CompactionJournal.Recover(data);
        var committed = BatchManifest.ReadAll(data).Select(b => b.BatchId).ToHashSet(StringComparer.Ordinal);
        var folders = LakeTables.Partitioned
            .Select(t => Path.Combine(data.LakeDirectory, t))
            .Where(Directory.Exists)
            .SelectMany(t => Directory.EnumerateDirectories(t, "fiscal_year=*"))
            .Append(Path.Combine(data.LakeDirectory, LakeTables.Deletions))
            .Where(Directory.Exists)
            .Order(StringComparer.Ordinal)
            .ToList();

        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        if (database.MemoryLimit is not null)
            connection.Execute($"set memory_limit = {DuckDBConnectionExtensions.Literal(database.MemoryLimit)}");

        int partitions = 0, merged = 0;
        long before = 0, after = 0;
        var journals = new List<(string Journal, IReadOnlyList<string> Sources)>();
        foreach (var folder in folders)
        {
            var small = Directory.EnumerateFiles(folder, "*.parquet")
                .Where(f => IsCommittedOrCompacted(Path.GetFileName(f), committed))
                .Where(f => new FileInfo(f).Length < smallFileBytes)
                .Order(StringComparer.Ordinal)
                .ToList();
            if (small.Count < 2)
                continue;
            before += small.Sum(f => new FileInfo(f).Length);
            var (journal, size) = Merge(connection, data, folder, small);
            journals.Add((journal, small));
            after += size;
            partitions++;
            merged += small.Count;
        }
        if (journals.Count > 0)
        {
            CoreViews.RefreshAlone(warehouse, data);
            foreach (var (journal, sources) in journals)
            {
                foreach (var source in sources)
                    File.Delete(source);
                File.Delete(journal);
            }
        }
        return new CompactionResult(partitions, merged, partitions, before, after, recovered);
    }

    private static bool IsCommittedOrCompacted(string name, HashSet<string> committed)
    {
        if (name.StartsWith(LakeTables.CompactedFilePrefix, StringComparison.Ordinal))
            return true;
        if (!name.StartsWith(LakeTables.BatchFilePrefix, StringComparison.Ordinal))
            return false;
        var batchId = name[LakeTables.BatchFilePrefix.Length..^".parquet".Length];
        return committed.Contains(batchId);
    }

    // Writes the merged file under a temporary name, records the intent and renames it; the sources go once
    // the core views read the merged file instead. Returns the journal and the merged file's size.
    private static (string Journal, long Size) Merge(DuckDBConnection connection, DataDirectory data, string folder, IReadOnlyList<string> sources)
    {
        var target = Path.Combine(folder, $"{LakeTables.CompactedFilePrefix}{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid().ToString("N")[..8]}.parquet");
        var temporary = target + ".tmp";
        var list = string.Join(", ", sources.Select(DuckDBConnectionExtensions.Literal));
        // No hive partitioning here: the fiscal year stays in the folder name, not in the file.
        connection.Execute(
            $"copy (select * from read_parquet([{list}], hive_partitioning = false, union_by_name = true)) " +
            $"to {DuckDBConnectionExtensions.Literal(temporary)} (format parquet, compression snappy, row_group_size 100000)");
        var journal = CompactionJournal.Write(data, target, sources);
        File.Move(temporary, target);
        return (journal, new FileInfo(target).Length);
    }
}
