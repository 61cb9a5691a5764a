using System.Text.Json;
using DuckDB.NET.Data;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Warehouse.Build;

/// <summary>
/// A batch's record kept in the lake (lake/batches/batch-ID.json) beside its Parquet files, so that
/// the lake alone can rebuild the warehouse: which batches there were, in what order, with what counts.
/// </summary>
/// <remarks>
/// A process can die between the manifest and the warehouse's commit, or between the commit and the
/// manifest. So the manifest is first written as batch-ID.json.pending, before the commit, and renamed to
/// batch-ID.json after it; <see cref="Recover"/> settles a pending one by asking the warehouse whether its
/// batch committed. Only settled manifests count: a batch that never committed is in neither the warehouse
/// nor a rebuild, and its sequence number is free again for the next batch.
/// </remarks>
public static class BatchManifest
{
    private const string PendingSuffix = ".pending";

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static string Folder(DataDirectory data) => Path.Combine(data.LakeDirectory, "batches");

    /// <summary>Writes the manifest as pending; returns its path for <see cref="Settle"/> or <see cref="Discard"/>.</summary>
    public static string WritePending(DataDirectory data, BatchRecord record)
    {
        Directory.CreateDirectory(Folder(data));
        var pending = Path.Combine(Folder(data), $"batch-{record.BatchId}.json{PendingSuffix}");
        var temporary = pending + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(record, Options));
        File.Move(temporary, pending, overwrite: true);
        return pending;
    }

    /// <summary>The batch committed: its manifest counts from now on.</summary>
    public static void Settle(string pending) => File.Move(pending, pending[..^PendingSuffix.Length], overwrite: true);

    public static void Discard(string pending) => File.Delete(pending);

    /// <summary>
    /// Settles every pending manifest that a dead process left: kept when the warehouse holds its batch,
    /// deleted when it does not. Run where batches are written, before the next one.
    /// </summary>
    public static int Recover(DataDirectory data, DuckDBConnection connection)
    {
        if (!Directory.Exists(Folder(data)))
            return 0;
        var settled = 0;
        foreach (var pending in Directory.EnumerateFiles(Folder(data), "batch-*.json" + PendingSuffix).ToList())
        {
            var batchId = Path.GetFileName(pending)["batch-".Length..^(".json".Length + PendingSuffix.Length)];
            if (connection.Scalar<long>("select count(*) from meta.batches where batch_id = $1", batchId) > 0)
                Settle(pending);
            else
                Discard(pending);
            settled++;
        }
        return settled;
    }

    public static IReadOnlyList<BatchRecord> ReadAll(DataDirectory data)
    {
        if (!Directory.Exists(Folder(data)))
            return [];
        return Directory.EnumerateFiles(Folder(data), "batch-*.json")
            .Where(f => f.EndsWith(".json", StringComparison.Ordinal))
            .Select(f => JsonSerializer.Deserialize<BatchRecord>(File.ReadAllText(f), Options)
                ?? throw new InvalidOperationException($"{f} is not a batch manifest."))
            .OrderBy(b => b.BatchSeq)
            .ToList();
    }
}
