using System.Text;

namespace HealthStats.Etl.Ingest.Csv;

/// <summary>
/// Streams RFC 4180 records from a reader: quoted fields with doubled quotes, commas and line breaks
/// inside quotes, LF or CRLF line ends. It never holds more than one record, so a file of any size
/// reads in constant memory. A record whose closing quote never comes is returned as malformed
/// rather than swallowing the rest of the file.
/// </summary>
internal sealed class CsvRowReader
{
    // A quoted field longer than this is taken as an unbalanced quote, so one stray quote cannot
    // turn the rest of a large file into a single field.
    private const int MaxQuotedLength = 1 << 20;

    private readonly TextReader reader;
    private readonly StringBuilder field = new();
    private readonly StringBuilder raw = new();
    private readonly List<string> fields = new(128);
    private long line = 1;

    public CsvRowReader(TextReader reader) => this.reader = reader;

    /// <summary>Set when the last record read had an unterminated quote or a quote inside an unquoted field.</summary>
    public string? LastError { get; private set; }

    public CsvRow? Read()
    {
        fields.Clear();
        field.Clear();
        raw.Clear();
        LastError = null;
        var startLine = line;
        var inQuotes = false;
        var fieldWasQuoted = false;
        var quotedLength = 0;
        int c = reader.Read();
        if (c < 0)
            return null;
        while (true)
        {
            if (c < 0)
            {
                if (inQuotes)
                    LastError ??= "a quoted field is not closed before the end of the file";
                fields.Add(field.ToString());
                return Finish(startLine);
            }
            var ch = (char)c;
            if (inQuotes)
            {
                raw.Append(ch);
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        raw.Append('"');
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                        line++;
                    field.Append(ch);
                    if (++quotedLength > MaxQuotedLength)
                    {
                        LastError = "a quoted field is not closed (unbalanced quotes)";
                        inQuotes = false;
                    }
                }
                c = reader.Read();
                continue;
            }
            switch (ch)
            {
                case ',':
                    raw.Append(ch);
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldWasQuoted = false;
                    break;
                case '\r':
                    if (reader.Peek() == '\n')
                        reader.Read();
                    line++;
                    fields.Add(field.ToString());
                    return Finish(startLine);
                case '\n':
                    line++;
                    fields.Add(field.ToString());
                    return Finish(startLine);
                case '"':
                    raw.Append(ch);
                    if (field.Length == 0 && !fieldWasQuoted)
                    {
                        inQuotes = true;
                        fieldWasQuoted = true;
                        quotedLength = 0;
                    }
                    else
                    {
                        LastError ??= "a quote appears inside a field that is not quoted";
                        field.Append(ch);
                    }
                    break;
                default:
                    raw.Append(ch);
                    if (fieldWasQuoted)
                        LastError ??= "text follows the closing quote of a field";
                    field.Append(ch);
                    break;
            }
            c = reader.Read();
        }
    }

    private CsvRow Finish(long startLine) => new(startLine, fields.ToArray(), raw.ToString());
}
