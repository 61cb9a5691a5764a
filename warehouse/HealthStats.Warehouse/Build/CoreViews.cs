using DuckDB.NET.Data;
using HealthStats.Warehouse.Lake;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Warehouse.Build;

/// <summary>
/// The core schema's landed versions (core.abstract_versions and the rest) are views over the lake's
/// Parquet files, not copies of them: a batch's rows reach the DuckDB file once, in the models, and the
/// lake stays the one source of truth. A view lists the files of the batches that are committed
/// (meta.batches) or in flight (meta.batches_in_flight), and the files compaction made of them; it is
/// redefined, in the caller's transaction, whenever that set changes, so a reader sees a batch's rows
/// exactly when it sees the batch. Paths are relative to the data directory (DuckDB's file_search_path,
/// set by WarehouseDatabase), so a restored or moved data directory keeps working.
/// </summary>
internal static class CoreViews
{
    private sealed record CoreView(string Name, string Folder, bool Partitioned, bool WithSeq);

    private static readonly CoreView[] Views =
    [
        new("abstract_versions", LakeTables.Abstracts, Partitioned: true, WithSeq: true),
        new("diagnosis_versions", LakeTables.Diagnoses, Partitioned: true, WithSeq: false),
        new("intervention_versions", LakeTables.Interventions, Partitioned: true, WithSeq: false),
        new("warning_versions", LakeTables.Warnings, Partitioned: true, WithSeq: false),
        new("deletions", LakeTables.Deletions, Partitioned: false, WithSeq: true),
    ];

    /// <summary>
    /// Redefines every core view from the lake's files and the batches the warehouse knows. Run by the
    /// warehouse's writer (under the write gate), inside the transaction that changes the batches.
    /// </summary>
    public static void Refresh(DuckDBConnection connection, DataDirectory data)
    {
        var visible = VisibleBatches(connection);
        // Sources of a compaction that renamed its merged file but died before deleting them: their rows are in that file.
        var superseded = CompactionJournal.Superseded(data);
        foreach (var view in Views)
        {
            ReplaceTableOfAnOlderRelease(connection, view.Name);
            var files = Files(data, view, visible, superseded);
            connection.Execute($"create or replace view core.{view.Name} as {Select(data, view, files)}");
        }
    }

    /// <summary>Refresh in a transaction of its own.</summary>
    public static void RefreshAlone(DuckDBConnection connection, DataDirectory data)
    {
        using var transaction = connection.BeginTransaction();
        Refresh(connection, data);
        transaction.Commit();
    }

    // Before views, core held copies of the lake's rows as tables; the lake still holds every one of them.
    private static void ReplaceTableOfAnOlderRelease(DuckDBConnection connection, string name)
    {
        var isTable = connection.Scalar<long>(
            "select count(*) from duckdb_tables() where database_name = current_database() and schema_name = 'core' and table_name = $1", name) > 0;
        if (isTable)
            connection.Execute($"drop table core.{name}");
    }

    /// <summary>The batches whose rows the core views show: committed, or in flight.</summary>
    internal static HashSet<string> VisibleBatches(DuckDBConnection connection)
    {
        var batches = new HashSet<string>(StringComparer.Ordinal);
        using var command = connection.CreateCommand();
        command.CommandText = "select batch_id from meta.batches union select batch_id from meta.batches_in_flight";
        using var reader = command.ExecuteReader();
        while (reader.Read())
            batches.Add(reader.GetString(0));
        return batches;
    }

    private static List<string> Files(DataDirectory data, CoreView view, HashSet<string> visible, HashSet<string> superseded)
    {
        var folder = Path.Combine(data.LakeDirectory, view.Folder);
        if (!Directory.Exists(folder))
            return [];
        var candidates = view.Partitioned
            ? Directory.EnumerateDirectories(folder, "fiscal_year=*").SelectMany(d => Directory.EnumerateFiles(d, "*.parquet"))
            : Directory.EnumerateFiles(folder, "*.parquet");
        return candidates
            .Where(f => !superseded.Contains(Path.GetFullPath(f)) && Belongs(Path.GetFileName(f), visible))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    // A batch's own file while the batch is visible; a compacted file always (compaction merges committed batches only).
    private static bool Belongs(string name, HashSet<string> visible)
    {
        if (name.StartsWith(LakeTables.CompactedFilePrefix, StringComparison.Ordinal))
            return true;
        return name.StartsWith(LakeTables.BatchFilePrefix, StringComparison.Ordinal)
            && visible.Contains(name[LakeTables.BatchFilePrefix.Length..^".parquet".Length]);
    }

    // The typed, empty shape table gives the columns and keeps the view valid with no files; the join keeps
    // only rows of visible batches (a compacted file may hold a batch a rebuild left out) and gives batch_seq.
    private static string Select(DataDirectory data, CoreView view, List<string> files)
    {
        var shape = $"select * from core.{view.Name}_shape";
        if (files.Count == 0)
            return shape;
        var list = string.Join(", ", files.Select(f => DuckDBConnectionExtensions.Literal(PathInView(data, f))));
        var read = view.Partitioned
            ? $"read_parquet([{list}], hive_partitioning = true, hive_types = {{'fiscal_year': integer}}, union_by_name = true)"
            : $"read_parquet([{list}], union_by_name = true)";
        var batches = "(select batch_id, batch_seq from meta.batches union all select batch_id, batch_seq from meta.batches_in_flight)";
        var rows = view.WithSeq
            ? $"select t.*, b.batch_seq from {read} t join {batches} b using (batch_id)"
            : $"select t.* from {read} t semi join {batches} b using (batch_id)";
        return $"{shape} union all by name {rows}";
    }

    // Relative to the data directory, which WarehouseDatabase makes DuckDB's file_search_path; absolute
    // where that cannot work (a comma in the directory's path would split the search path).
    private static string PathInView(DataDirectory data, string file) =>
        WarehouseDatabase.SearchesDataDirectory(data) ? Path.GetRelativePath(data.Root, file) : Path.GetFullPath(file);
}
