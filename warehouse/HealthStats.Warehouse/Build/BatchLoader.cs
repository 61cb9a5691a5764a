using System.Text.Json;
using DuckDB.NET.Data;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Warehouse.Build;

/// <summary>
/// Applies a landed batch to the DuckDB warehouse: its lake files into the core views (CoreViews), then the
/// models (seeds, staging, intermediate, marts: see MartBuild) and the batch record. Readers see the whole
/// batch or none of it: the batch's files join the core views first, marked in flight (BatchesInFlight),
/// and nothing a reader sees names them until one transaction publishes the models and the record together. A small
/// batch updates the models for the patients it touches (IncrementalBuild) in that transaction; a batch
/// that touches much of the warehouse rebuilds them beside the published ones (StagedBuild).
/// </summary>
public sealed class BatchLoader(WarehouseDatabase database, Action<string, TimeSpan>? modelBuilt = null)
{
    public BatchRecord? FindBySha256(string sha256)
    {
        using var connection = database.OpenConnection();
        return Read(connection, "where file_sha256 = $1", sha256).FirstOrDefault();
    }

    /// <summary>
    /// Settles the manifest of a batch whose process died around its commit (see BatchManifest.Recover), and
    /// takes out of core the rows of one that died before it (BatchesInFlight). Run before Apply, under the
    /// write gate: a manifest left pending holds the sequence number Apply is about to give.
    /// </summary>
    public int RecoverInterrupted()
    {
        using var connection = database.OpenConnection();
        BatchesInFlight.Recover(connection, database.DataDirectory);
        return BatchManifest.Recover(database.DataDirectory, connection);
    }

    public IReadOnlyList<BatchRecord> List()
    {
        using var connection = database.OpenConnection();
        return Read(connection, "order by batch_seq desc").ToList();
    }

    /// <summary>Loads the batch; returns its record with the sequence, replaced and deleted counts filled in.</summary>
    public BatchRecord Apply(BatchRecord batch, LandedFiles files)
    {
        using var connection = database.OpenConnection();
        BatchesInFlight.Recover(connection, database.DataDirectory);
        var seq = connection.Scalar<int>("select coalesce(max(batch_seq), 0) + 1 from meta.batches");

        // Counted before the batch lands: which of its keys already had a current abstract (none in an empty
        // warehouse, where reading the batch's keys from its files would be wasted).
        var anyCurrent = connection.Scalar<long>("select count(*) from (select 1 from marts.fct_abstracts limit 1)") > 0;
        var replaced = files.Abstracts.Count == 0 || !anyCurrent ? 0 : connection.Scalar<int>(
            $"select count(*) from (select distinct facility_id, abstract_id from {ReadParquet(files.Abstracts)}) k " +
            "join marts.fct_abstracts a using (facility_id, abstract_id)");
        var deleted = files.Deletions.Count == 0 || !anyCurrent ? 0 : connection.Scalar<int>(
            $"select count(*) from (select distinct facility_id, abstract_id from {ReadParquet(files.Deletions, hive: false)}) k " +
            "join marts.fct_abstracts a using (facility_id, abstract_id)");

        using (var transaction = connection.BeginTransaction())
        {
            BatchesInFlight.Mark(connection, batch.BatchId, seq);
            CoreViews.Refresh(connection, database.DataDirectory);
            transaction.Commit();
        }

        var record = batch with { BatchSeq = seq, Replaced = replaced, Deleted = deleted };
        string? manifest = null;
        try
        {
            using (var transaction = connection.BeginTransaction())
            {
                record = Publish(connection, record, files);
                if (IncrementalBuild.TryUpdate(connection, batch.BatchId, modelBuilt))
                {
                    manifest = BatchManifest.WritePending(database.DataDirectory, record);
                    transaction.Commit();
                }
            }
            if (manifest is null)
            {
                StagedBuild.Run(connection, alsoPublish: c =>
                {
                    record = Publish(c, record, files);
                    manifest = BatchManifest.WritePending(database.DataDirectory, record);
                }, modelBuilt);
            }
        }
        catch
        {
            if (manifest is not null)
                BatchManifest.Discard(manifest);
            try
            {
                BatchesInFlight.Abandon(connection, database.DataDirectory, batch.BatchId);
            }
            catch (DuckDBException)
            {
                // The load's own failure is the one to report; the next ingest, build or start takes the batch out.
            }
            throw;
        }
        BatchManifest.Settle(manifest!);
        return record;
    }

    // What appears with the batch's models, in the publishing transaction: its quarantine, the earlier
    // quarantined records it corrected, and its record; its mark as in flight goes.
    private static BatchRecord Publish(DuckDBConnection connection, BatchRecord record, LandedFiles files)
    {
        if (files.QuarantineFile is not null)
            QuarantineIndex.Add(connection, files.QuarantineFile);
        var completedAt = DateTime.UtcNow;
        var cleared = QuarantineIndex.ClearCorrected(connection, record.BatchId, completedAt);
        record = record with { QuarantineCleared = cleared, CompletedAt = completedAt };
        connection.Execute(
            "insert into meta.batches by name select $1 as batch_id, $2 as batch_seq, $3 as file_name, $4 as file_sha256, $5 as source_format, " +
            "$6 as started_at, $7 as completed_at, $8 as received, $9 as loaded, $10 as replaced, $11 as deleted, $12 as quarantined, " +
            "$13 as warnings, $14 as quarantined_by_reason, $15 as warnings_by_rule, $16 as quarantine_cleared",
            record.BatchId, record.BatchSeq, record.FileName, record.FileSha256, record.SourceFormat, record.StartedAt,
            record.CompletedAt, record.Received, record.Loaded, record.Replaced, record.Deleted, record.Quarantined,
            record.Warnings, JsonSerializer.Serialize(record.QuarantinedByReason), JsonSerializer.Serialize(record.WarningsByRule), record.QuarantineCleared);
        BatchesInFlight.Published(connection, record.BatchId);
        return record;
    }

    private static string ReadParquet(IReadOnlyList<string> files, bool hive = true)
    {
        var list = string.Join(", ", files.Select(DuckDBConnectionExtensions.Literal));
        return hive
            ? $"read_parquet([{list}], hive_partitioning = true, hive_types = {{'fiscal_year': integer}})"
            : $"read_parquet([{list}])";
    }

    private static IEnumerable<BatchRecord> Read(DuckDBConnection connection, string clause, params object[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            "select batch_id, batch_seq, file_name, file_sha256, source_format, started_at, completed_at, received, loaded, " +
            "replaced, deleted, quarantined, warnings, quarantined_by_reason, warnings_by_rule, quarantine_cleared from meta.batches " + clause;
        foreach (var p in parameters)
            command.Parameters.Add(new DuckDBParameter(p));
        using var reader = command.ExecuteReader();
        var result = new List<BatchRecord>();
        while (reader.Read())
        {
            result.Add(new BatchRecord
            {
                BatchId = reader.GetString(0),
                BatchSeq = reader.GetInt32(1),
                FileName = reader.GetString(2),
                FileSha256 = reader.GetString(3),
                SourceFormat = reader.GetString(4),
                StartedAt = reader.GetDateTime(5),
                CompletedAt = reader.GetDateTime(6),
                Received = reader.GetInt32(7),
                Loaded = reader.GetInt32(8),
                Replaced = reader.GetInt32(9),
                Deleted = reader.GetInt32(10),
                Quarantined = reader.GetInt32(11),
                Warnings = reader.GetInt32(12),
                QuarantinedByReason = JsonSerializer.Deserialize<Dictionary<string, int>>(reader.GetString(13)) ?? [],
                WarningsByRule = JsonSerializer.Deserialize<Dictionary<string, int>>(reader.GetString(14)) ?? [],
                QuarantineCleared = reader.GetInt32(15),
            });
        }
        return result;
    }
}
