using System.IO.Compression;
using System.Text;
using HealthStats.Etl.Ingest.Csv;

namespace HealthStats.Etl.Ingest;

/// <summary>Opens an abstracts file in whichever input format it is, gzip-compressed or not.</summary>
public static class AbstractSources
{
    public static IAbstractSource Open(string path, IngestOptions options) => Open(path, options, out _);

    /// <summary>Opens the file; <paramref name="file"/> is the file itself, whose position tells how far reading has got.</summary>
    public static IAbstractSource Open(string path, IngestOptions options, out FileStream file)
    {
        var name = Path.GetFileName(path);
        var stream = file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            Stream content = IsGzip(stream) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
            var baseName = name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name;
            var text = new StreamReader(content, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
            return Path.GetExtension(baseName).ToLowerInvariant() switch
            {
                _ => new AbstractCsvReader(text, name, options.IgnoreUnknownColumns),
            };
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private static bool IsGzip(FileStream stream)
    {
        Span<byte> magic = stackalloc byte[2];
        var read = stream.Read(magic);
        stream.Position = 0;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }
}
