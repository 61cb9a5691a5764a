using DuckDB.NET.Data;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Warehouse.Build;

/// <summary>
/// A batch between its two commits: its core rows are committed first, so that the models read them as
/// committed rows (DuckDB reads a transaction's own rows about half as fast), and the models and the
/// batch record are published in a second transaction. Until then nothing a reader sees names the batch:
/// the marts are the old ones and meta.batches does not list it. A batch marked here whose process died or
/// whose build failed is taken out of core again, so that no later build counts rows of a batch that
/// never loaded.
/// </summary>
internal static class BatchesInFlight
{
    // Every core table holds rows by batch_id.
    private static readonly string[] CoreTables =
        ["core.abstract_versions", "core.diagnosis_versions", "core.intervention_versions", "core.warning_versions", "core.deletions"];

    /// <summary>Marks the batch in the caller's transaction, the one that inserts its core rows.</summary>
    public static void Mark(DuckDBConnection connection, string batchId) =>
        connection.Execute("insert into meta.batches_in_flight values ($1, $2)", batchId, DateTime.UtcNow);

    /// <summary>Unmarks the batch in the caller's transaction, the one that publishes it.</summary>
    public static void Published(DuckDBConnection connection, string batchId) =>
        connection.Execute("delete from meta.batches_in_flight where batch_id = $1", batchId);

    /// <summary>
    /// Takes every marked batch's rows out of core, and drops models a build left unpublished. Run by the
    /// warehouse's writer before it loads or builds (under the write gate: a batch in flight in this
    /// process is not a leftover). Returns how many batches it took out.
    /// </summary>
    public static int Recover(DuckDBConnection connection)
    {
        var leftovers = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "select batch_id from meta.batches_in_flight order by started_at";
            using var reader = command.ExecuteReader();
            while (reader.Read())
                leftovers.Add(reader.GetString(0));
        }
        foreach (var batchId in leftovers)
            Abandon(connection, batchId);
        StagedBuild.DropUnpublished(connection);
        return leftovers.Count;
    }

    /// <summary>Takes the batch's rows out of core and unmarks it, in one transaction.</summary>
    public static void Abandon(DuckDBConnection connection, string batchId)
    {
        using var transaction = connection.BeginTransaction();
        foreach (var table in CoreTables)
            connection.Execute($"delete from {table} where batch_id = $1", batchId);
        Published(connection, batchId);
        transaction.Commit();
    }
}
