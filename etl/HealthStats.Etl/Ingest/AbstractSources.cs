using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using HealthStats.Etl.Ingest.Csv;
using HealthStats.Etl.Ingest.Fhir;
using HealthStats.Etl.Ingest.JsonLines;
using HealthStats.Etl.Ingest.Limits;

namespace HealthStats.Etl.Ingest;

/// <summary>
/// Opens an abstracts file in whichever input format it is, gzip-compressed or not (told by its magic
/// bytes). The format comes from the file name (.csv; .jsonl or .ndjson; .fhir.json or .fhir.ndjson;
/// each optionally .gz) or, when the name says nothing, from the content: a first object naming
/// "resourceType": "Bundle" is FHIR, another object JSON Lines, anything else CSV.
/// </summary>
public static partial class AbstractSources
{
    public const string Csv = "csv";
    public const string JsonLines = "jsonl";
    public const string Fhir = "fhir";

    /// <summary>How much of the file's start is looked at to tell its format.</summary>
    private const int SniffBytes = 1 << 16;

    public static IAbstractSource Open(string path, IngestOptions options) => Open(path, options, out _);

    /// <summary>Opens the file; <paramref name="file"/> is the file itself, whose position tells how far reading has got.</summary>
    public static IAbstractSource Open(string path, IngestOptions options, out FileStream file)
    {
        var name = Path.GetFileName(path);
        var (format, singleBundle) = FormatFromName(name) ?? Sniff(path);
        var stream = file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            return Open(stream, name, format, singleBundle, options);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads abstracts in the given format from a stream (gzip-compressed or not), which the source then owns:
    /// the path-free way in, for the fuzzer. Bytes must be UTF-8, or UTF-16 with a byte order mark.
    /// </summary>
    public static IAbstractSource Open(Stream stream, string name, string format, bool? singleBundle, IngestOptions options)
    {
        var text = new StreamReader(Decompressed(stream, name), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        try
        {
            return format switch
            {
                JsonLines => new AbstractJsonLinesReader(text, name, options.IgnoreUnknownColumns),
                Fhir => new AbstractFhirReader(text, name, options.Fhir, singleBundle),
                _ => new AbstractCsvReader(text, name, options.IgnoreUnknownColumns),
            };
        }
        catch
        {
            text.Dispose();
            throw;
        }
    }

    /// <summary>The format a file name gives (with, for FHIR, whether it is one bundle), or null when it gives none.</summary>
    public static (string Format, bool? SingleBundle)? FormatFromName(string fileName)
    {
        var name = fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? fileName[..^3] : fileName;
        bool Ends(string suffix) => name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
        if (Ends(".fhir.json"))
            return (Fhir, true);
        if (Ends(".fhir.ndjson"))
            return (Fhir, false);
        if (Ends(".jsonl") || Ends(".ndjson"))
            return (JsonLines, null);
        if (Ends(".csv"))
            return (Csv, null);
        return null;
    }

    /// <summary>Tells the format from the file's first bytes (after decompression), reading it separately.</summary>
    public static (string Format, bool? SingleBundle) Sniff(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 12);
        using var content = Decompressed(stream, Path.GetFileName(path));
        var buffer = new byte[SniffBytes];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = content.Read(buffer, length, buffer.Length - length)) > 0)
            length += read;
        var start = Encoding.UTF8.GetString(buffer, 0, length).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (!start.StartsWith('{'))
            return (Csv, null);
        return BundleResourceType().IsMatch(start) ? (Fhir, null) : (JsonLines, null);
    }

    private static Stream Decompressed(Stream stream, string name) =>
        IsGzip(stream) ? new InflationLimitStream(new GZipStream(stream, CompressionMode.Decompress), stream, name) : stream;

    private static bool IsGzip(Stream stream)
    {
        Span<byte> magic = stackalloc byte[2];
        var read = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        stream.Position = 0;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }

    [GeneratedRegex("\"resourceType\"\\s*:\\s*\"Bundle\"")]
    private static partial Regex BundleResourceType();
}
