using HealthStats.Etl.Ingest.Limits;

namespace HealthStats.Etl.Ingest.JsonLines;

/// <summary>
/// Reads abstracts from a JSON Lines file (formats.md section 2), one line at a time (parsed a few
/// lines ahead in parallel), so a file of any size is never held whole. A leading BOM, CRLF line
/// ends and blank lines are accepted.
/// </summary>
public sealed class AbstractJsonLinesReader(TextReader text, string fileName, bool ignoreUnknownColumns = false) : IAbstractSource
{
    private readonly LineRecordReader lines = new(new BoundedLineReader(text, fileName), (line, number) => AbstractJsonLine.Parse(line, number, ignoreUnknownColumns));

    public string FileName => fileName;

    public string Format => AbstractSources.JsonLines;

    public RawAbstract? Read() => lines.Read();

    public void Dispose() => text.Dispose();
}
