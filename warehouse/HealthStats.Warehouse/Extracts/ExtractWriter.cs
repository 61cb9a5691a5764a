using System.Security.Cryptography;
using System.Text;

namespace HealthStats.Warehouse.Extracts;

/// <summary>
/// Writes a built extract into a folder: per table NAME.csv and NAME.parquet, data-dictionary.csv and
/// manifest.json (the SHA-256 of every other file). Nothing in a file depends on when or where it was
/// written, so the same data and spec give byte-identical files.
/// </summary>
public static class ExtractWriter
{
    public const string ManifestFile = "manifest.json";

    public const string DictionaryFile = "data-dictionary.csv";

    /// <returns>Every file written, the manifest last.</returns>
    public static async Task<IReadOnlyList<ExtractFile>> WriteAsync(BuiltExtract extract, string folder, CancellationToken cancellationToken = default)
    {
        var contents = await RenderAsync(extract, cancellationToken);
        Directory.CreateDirectory(folder);
        foreach (var leftover in Directory.EnumerateDirectories(folder, PartialPrefix + "*").ToList())
            Directory.Delete(leftover, recursive: true);
        // Written whole beside the folder's files first, then renamed in, the manifest last and the old one taken
        // out first: a process killed at any point leaves a folder whose manifest, where there is one, matches
        // every file it names. A folder without a manifest is an extract that did not finish.
        var staging = Directory.CreateDirectory(Path.Combine(folder, PartialPrefix + Guid.NewGuid().ToString("n"))).FullName;
        foreach (var (name, bytes) in contents)
            await File.WriteAllBytesAsync(Path.Combine(staging, name), bytes, cancellationToken);
        File.Delete(Path.Combine(folder, ManifestFile));
        foreach (var (name, _) in contents)
            File.Move(Path.Combine(staging, name), Path.Combine(folder, name), overwrite: true);
        Directory.Delete(staging);
        return contents.Select(c => new ExtractFile(c.Name, c.Bytes.Length, Sha256(c.Bytes))).ToList();
    }

    private const string PartialPrefix = ".partial-";

    /// <summary>The files' names and bytes, the manifest last: what WriteAsync writes, for a caller that sends them elsewhere (the extract API's zip).</summary>
    public static async Task<IReadOnlyList<(string Name, byte[] Bytes)>> RenderAsync(BuiltExtract extract, CancellationToken cancellationToken = default)
    {
        var contents = new List<(string Name, byte[] Bytes)>();
        foreach (var table in extract.Tables)
        {
            contents.Add(($"{table.Spec.Name}.csv", Csv(table, extract)));
            contents.Add(($"{table.Spec.Name}.parquet", await ExtractParquet.WriteAsync(table, extract.Publication, cancellationToken)));
        }
        contents.Add((DictionaryFile, Dictionary(extract)));
        var files = contents.Select(c => new ExtractFile(c.Name, c.Bytes.Length, Sha256(c.Bytes))).ToList();
        var manifest = ExtractManifest.Write(extract, files);
        contents.Add((ManifestFile, manifest));
        return contents;
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static byte[] Csv(ExtractTable table, BuiltExtract extract)
    {
        var csv = new StringBuilder();
        CsvText.AppendLine(csv, table.Columns.Select(c => c.Name));
        foreach (var row in table.Rows)
            CsvText.AppendLine(csv, ExtractValues.Of(table, row, extract.Publication));
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static byte[] Dictionary(BuiltExtract extract)
    {
        var csv = new StringBuilder();
        CsvText.AppendLine(csv, ["table", "column", "type", "unit", "definition", "suppression"]);
        foreach (var table in extract.Tables)
        {
            foreach (var column in table.Columns)
                CsvText.AppendLine(csv, [table.Spec.Name, column.Name, column.Type, column.Unit, column.Definition, column.Suppression]);
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
