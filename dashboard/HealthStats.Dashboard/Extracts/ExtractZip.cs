using System.IO.Compression;

namespace HealthStats.Dashboard.Extracts;

/// <summary>
/// An extract's files in one zip, in the order the writer gives them (the manifest last). Every entry
/// carries the same fixed time, so that the same data and spec give a byte-identical zip too, as they
/// give byte-identical files: the manifest's data_as_of, not the zip, says how current it is.
/// </summary>
internal static class ExtractZip
{
    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Of(IEnumerable<(string Name, byte[] Bytes)> files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in files)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = EntryTime;
                using var stream = entry.Open();
                stream.Write(bytes);
            }
        }
        return buffer.ToArray();
    }
}
