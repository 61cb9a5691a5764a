using System.Text.Json;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Warehouse.Build;

/// <summary>
/// A batch's record kept in the lake (lake/batches/batch-ID.json) beside its Parquet files, so that
/// the lake alone can rebuild the warehouse: which batches there were, in what order, with what counts.
/// Written before the warehouse commits the batch, so a committed batch always has its manifest.
/// </summary>
public static class BatchManifest
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static string Folder(DataDirectory data) => Path.Combine(data.LakeDirectory, "batches");

    public static string Write(DataDirectory data, BatchRecord record)
    {
        Directory.CreateDirectory(Folder(data));
        var path = Path.Combine(Folder(data), $"batch-{record.BatchId}.json");
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(record, Options));
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    public static IReadOnlyList<BatchRecord> ReadAll(DataDirectory data)
    {
        if (!Directory.Exists(Folder(data)))
            return [];
        return Directory.EnumerateFiles(Folder(data), "batch-*.json")
            .Select(f => JsonSerializer.Deserialize<BatchRecord>(File.ReadAllText(f), Options)
                ?? throw new InvalidOperationException($"{f} is not a batch manifest."))
            .OrderBy(b => b.BatchSeq)
            .ToList();
    }
}
