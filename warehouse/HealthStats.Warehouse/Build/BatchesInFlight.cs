using DuckDB.NET.Data;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Warehouse.Build;

/// <summary>
/// A batch between its two commits: the first adds its lake files to the core views (CoreViews) and marks
/// it here, so that the models read its rows as committed rows (DuckDB reads a transaction's own changes
/// more slowly), and the second publishes the models and the batch record. Until then nothing a reader
/// sees names the batch: the marts are the old ones and meta.batches does not list it. A batch marked here
/// whose process died or whose build failed is taken out of the core views again, so that no later build
/// counts rows of a batch that never loaded.
/// </summary>
internal static class BatchesInFlight
{
    /// <summary>Marks the batch in the caller's transaction, the one that adds its files to the core views.</summary>
    public static void Mark(DuckDBConnection connection, string batchId, int batchSeq) =>
        connection.Execute("insert into meta.batches_in_flight (batch_id, started_at, batch_seq) values ($1, $2, $3)", batchId, DateTime.UtcNow, batchSeq);

    /// <summary>Unmarks the batch in the caller's transaction, the one that publishes it.</summary>
    public static void Published(DuckDBConnection connection, string batchId) =>
        connection.Execute("delete from meta.batches_in_flight where batch_id = $1", batchId);

    /// <summary>
    /// Takes every marked batch out of the core views, and drops models a build left unpublished. Run by the
    /// warehouse's writer before it loads or builds (under the write gate: a batch in flight in this
    /// process is not a leftover). Returns how many batches it took out.
    /// </summary>
    public static int Recover(DuckDBConnection connection, DataDirectory data)
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
            Abandon(connection, data, batchId);
        StagedBuild.DropUnpublished(connection);
        return leftovers.Count;
    }

    /// <summary>Unmarks the batch and takes its files out of the core views, in one transaction.</summary>
    public static void Abandon(DuckDBConnection connection, DataDirectory data, string batchId)
    {
        using var transaction = connection.BeginTransaction();
        Published(connection, batchId);
        CoreViews.Refresh(connection, data);
        transaction.Commit();
    }
}
