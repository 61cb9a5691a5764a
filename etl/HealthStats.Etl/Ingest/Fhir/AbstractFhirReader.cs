using System.Text;
using System.Text.Json;
using HealthStats.Etl.Ingest.Limits;

namespace HealthStats.Etl.Ingest.Fhir;

/// <summary>
/// Reads abstracts from FHIR R4 bundles (README.md in this folder): NDJSON, one bundle per line and
/// one abstract per bundle, streamed; or a single JSON Bundle of many abstracts, which is read whole
/// and so refused above <see cref="FhirReaderOptions.MaxSingleBundleChars"/>. Without a layout from
/// the file name, a first non-blank line that is a JSON value of its own means NDJSON. NDJSON lines
/// are mapped a few ahead in parallel and handed out in file order.
/// </summary>
public sealed class AbstractFhirReader : IAbstractSource
{
    private readonly TextReader text;
    private readonly BoundedLineReader boundedLines;
    private readonly string fileName;
    private readonly FhirBundleMapper mapper;
    private readonly IEnumerator<RawAbstract>? single;
    private readonly ThreadLocal<FhirBundleMapper> mappers;
    private LineRecordReader? lines;
    private string? pending;

    /// <param name="singleBundle">true for a single bundle, false for NDJSON, null to tell from the content.</param>
    public AbstractFhirReader(TextReader text, string fileName, FhirReaderOptions options, bool? singleBundle = null)
    {
        this.text = text;
        this.fileName = fileName;
        boundedLines = new BoundedLineReader(text, fileName);
        mapper = new FhirBundleMapper(options);
        // NDJSON lines are mapped in parallel, each thread with its own mapper (and FHIR deserializer).
        mappers = new ThreadLocal<FhirBundleMapper>(() => new FhirBundleMapper(options));
        if (singleBundle == false)
            return;
        string? first = null;
        while (singleBundle is null && (first = boundedLines.ReadLine()) is not null)
        {
            if (boundedLines.LastLineLength is { } length)
                throw new AbstractFormatException(fileName, boundedLines.LineNumber,
                    $"{BoundedLineReader.TooLongMessage(boundedLines.LineNumber, length)}: name the file .fhir.json if it is a single bundle");
            first = first.TrimStart('\uFEFF');
            if (string.IsNullOrWhiteSpace(first))
                continue;
            if (IsWholeJson(first))
            {
                pending = first;
                return;
            }
            break;
        }
        single = mapper.MapSingleBundle(ReadWhole(first, options.MaxSingleBundleChars)).GetEnumerator();
    }

    public string FileName => fileName;

    public string Format => AbstractSources.Fhir;

    public RawAbstract? Read()
    {
        if (single is not null)
            return single.MoveNext() ? single.Current : null;
        if (pending is { } first)
        {
            pending = null;
            return mapper.MapLine(first, boundedLines.LineNumber);
        }
        lines ??= new LineRecordReader(boundedLines, (json, number) => mappers.Value!.MapLine(json, number));
        return lines.Read();
    }

    private string ReadWhole(string? start, long maxChars)
    {
        var whole = new StringBuilder();
        if (start is not null)
            whole.Append(start).Append('\n'); // the line end ReadLine took
        var buffer = new char[1 << 16];
        int read;
        while ((read = boundedLines.Read(buffer)) > 0)
        {
            BoundedLineReader.CheckText(buffer.AsSpan(0, read), fileName, 0);
            if (whole.Length + read > maxChars)
                throw new AbstractFormatException(fileName, 0,
                    $"a single FHIR bundle is read whole, and this one is larger than the limit of {maxChars:N0} characters: send it as NDJSON, one bundle per abstract on its own line");
            whole.Append(buffer, 0, read);
        }
        return whole.ToString();
    }

    private static bool IsWholeJson(string text)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text));
        try
        {
            return reader.Read() && reader.TrySkip() && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        single?.Dispose();
        mappers.Dispose();
        text.Dispose();
    }
}
