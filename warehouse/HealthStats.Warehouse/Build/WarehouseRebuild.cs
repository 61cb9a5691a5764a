using DuckDB.NET.Data;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Warehouse.Build;

/// <summary>
/// Recreates the DuckDB warehouse from the lake, its source of truth: the batch manifests give the
/// batches and their order, the Parquet files their rows (whatever files compaction has merged them
/// into: the core views read them where they are), the quarantine files the quarantine index. Reference data (every table of the reference
/// schema: classifications and their addenda, code lists, populations, standard populations) is copied
/// from the old warehouse when there is one; without it the built-in starter is installed and imported
/// reference files must be imported again. The coding schema (audit outcomes, the model registry and the
/// scores) is copied too: outcomes come from audits and reviews, not from the lake. The new file replaces the old one only when
/// it is complete; the old one is kept as warehouse.duckdb.bak.
/// </summary>
public static class WarehouseRebuild
{
    public static RebuildResult Run(DataDirectory data, string? memoryLimit = null)
    {
        // A compaction interrupted between its rename and its deletions leaves rows twice in the lake.
        Lake.CompactionJournal.Recover(data);
        // A batch whose writer died around its commit: the old warehouse knows whether it committed. Without
        // one nobody does, and a pending manifest is left out, as a batch that did not commit.
        if (File.Exists(data.WarehouseFile))
        {
            using var old = new WarehouseDatabase(data, memoryLimit).OpenConnection();
            BatchManifest.Recover(data, old);
        }
        var manifests = BatchManifest.ReadAll(data);
        var target = data.WarehouseFile + ".rebuild";
        foreach (var leftover in new[] { target, target + ".wal" })
            File.Delete(leftover);
        var database = new WarehouseDatabase(data, memoryLimit, target);
        WarehouseSetup.Initialize(database);
        var referenceCopied = false;
        using (var connection = database.OpenConnection())
        {
            if (File.Exists(data.WarehouseFile))
            {
                CopyFromOld(connection, data.WarehouseFile);
                referenceCopied = true;
            }
            LoadLake(connection, data, manifests);
            StagedBuild.Run(connection);
            connection.Execute("checkpoint");
        }
        if (File.Exists(data.WarehouseFile))
            File.Move(data.WarehouseFile, data.WarehouseFile + ".bak", overwrite: true);
        File.Delete(data.WarehouseFile + ".wal");
        File.Move(target, data.WarehouseFile);
        return new RebuildResult(manifests.Count, referenceCopied);
    }

    private static void LoadLake(DuckDBConnection connection, DataDirectory data, IReadOnlyList<BatchRecord> manifests)
    {
        using var transaction = connection.BeginTransaction();
        foreach (var batch in manifests)
            InsertBatch(connection, batch);
        // The core views list the files of exactly these batches (and compacted files, filtered to them).
        CoreViews.Refresh(connection, data);
        foreach (var batch in manifests)
        {
            var quarantine = Path.Combine(data.QuarantineDirectory, $"batch-{batch.BatchId}.jsonl");
            if (File.Exists(quarantine))
                QuarantineIndex.Add(connection, quarantine);
            QuarantineIndex.ClearCorrected(connection, batch.BatchId, batch.CompletedAt);
        }
        transaction.Commit();
    }

    // What is not in the lake: reference data, and coding quality (audit outcomes, the model registry, scores).
    private static void CopyFromOld(DuckDBConnection connection, string oldFile)
    {
        connection.Execute($"attach {DuckDBConnectionExtensions.Literal(oldFile)} as old (read_only)");
        try
        {
            foreach (var schema in new[] { "reference", "coding" })
            {
                var tables = new List<string>();
                using (var command = connection.CreateCommand())
                {
                    command.CommandText = "select table_name from information_schema.tables where table_catalog = 'old' and table_schema = $1 and table_type = 'BASE TABLE'";
                    command.Parameters.Add(new DuckDBParameter(schema));
                    using var reader = command.ExecuteReader();
                    while (reader.Read())
                        tables.Add(reader.GetString(0));
                }
                foreach (var table in tables)
                {
                    connection.Execute($"delete from {schema}.\"{table}\"");
                    connection.Execute($"insert into {schema}.\"{table}\" by name {CopyQuery(schema, table)}");
                }
            }
        }
        finally
        {
            connection.Execute("detach old");
        }
    }

    // Audit outcomes take fresh ids from the new file's sequence, in their old order: the latest outcome
    // of an abstract stays the latest, and the sequence goes on after the copied rows.
    private static string CopyQuery(string schema, string table) =>
        schema == "coding" && table == "audit_outcomes"
            ? "select * exclude (outcome_id) from old.coding.audit_outcomes order by outcome_id"
            : $"select * from old.{schema}.\"{table}\"";

    private static void InsertBatch(DuckDBConnection connection, BatchRecord b) =>
        connection.Execute(
            "insert into meta.batches by name select $1 as batch_id, $2 as batch_seq, $3 as file_name, $4 as file_sha256, $5 as source_format, " +
            "$6 as started_at, $7 as completed_at, $8 as received, $9 as loaded, $10 as replaced, $11 as deleted, $12 as quarantined, " +
            "$13 as warnings, $14 as quarantined_by_reason, $15 as warnings_by_rule, $16 as quarantine_cleared",
            b.BatchId, b.BatchSeq, b.FileName, b.FileSha256, b.SourceFormat, b.StartedAt, b.CompletedAt, b.Received, b.Loaded,
            b.Replaced, b.Deleted, b.Quarantined, b.Warnings, System.Text.Json.JsonSerializer.Serialize(b.QuarantinedByReason),
            System.Text.Json.JsonSerializer.Serialize(b.WarningsByRule), b.QuarantineCleared);
}

public sealed record RebuildResult(int Batches, bool ReferenceCopied);
