using DuckDB.NET.Data;
using HealthStats.Warehouse.Storage;
using Microsoft.ML;

namespace HealthStats.Etl.CodingQuality;

/// <summary>
/// The models folder's files. A model file is written whole under a temporary name and renamed before the
/// registry records it, so a registered model always has its whole file; a training killed before it
/// registered leaves a file nothing names, removed by the next training.
/// </summary>
internal static class ModelFiles
{
    public static void Save(MLContext ml, ITransformer model, DataViewSchema schema, string path)
    {
        var temporary = path + ".tmp";
        ml.Model.Save(model, schema, temporary);
        File.Move(temporary, path, overwrite: true);
    }

    public static int RemoveUnregistered(DuckDBConnection connection, string folder)
    {
        var registered = connection.Rows("select file from coding.models", r => r.GetString(0)).ToHashSet(StringComparer.Ordinal);
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var name = Path.GetFileName(file);
            if (registered.Contains(name))
                continue;
            if (name.EndsWith(".zip", StringComparison.Ordinal) || name.EndsWith(".zip.tmp", StringComparison.Ordinal))
            {
                File.Delete(file);
                removed++;
            }
        }
        return removed;
    }
}
