namespace HealthStats.Etl.Ingest.JsonLines;

/// <summary>
/// Reads abstracts from a JSON Lines file (formats.md section 2), one line at a time, so a file of
/// any size is never held whole. A leading BOM, CRLF line ends and blank lines are accepted.
/// </summary>
public sealed class AbstractJsonLinesReader(TextReader text, string fileName, bool ignoreUnknownColumns = false) : IAbstractSource
{
    private long line;

    public string FileName => fileName;

    public string Format => AbstractSources.JsonLines;

    public RawAbstract? Read()
    {
        while (text.ReadLine() is { } current)
        {
            line++;
            if (line == 1 && current.StartsWith('\uFEFF'))
                current = current[1..]; // a BOM the decoder did not take (e.g. a doubled one)
            if (string.IsNullOrWhiteSpace(current))
                continue;
            return AbstractJsonLine.Parse(current, line, ignoreUnknownColumns);
        }
        return null;
    }

    public void Dispose() => text.Dispose();
}
