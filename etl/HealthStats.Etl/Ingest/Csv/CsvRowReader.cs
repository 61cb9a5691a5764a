using System.Text;

namespace HealthStats.Etl.Ingest.Csv;

/// <summary>
/// Streams RFC 4180 records from a reader: quoted fields with doubled quotes, commas and line breaks
/// inside quotes, LF or CRLF line ends. It holds one record at a time, so a file of any size reads in
/// constant memory. Most records have no quote at all; they are split straight from the line, and
/// only lines with quotes go through the quote-aware parser. A record whose closing quote never
/// comes is returned as malformed rather than swallowing the rest of the file.
/// </summary>
internal sealed class CsvRowReader
{
    // A quoted field longer than this is taken as an unbalanced quote, so one stray quote cannot
    // turn the rest of a large file into a single field.
    private const int MaxQuotedLength = 1 << 20;

    private readonly TextReader reader;
    private readonly StringBuilder field = new();
    private readonly List<string> fields = new(128);
    private long nextLine = 1;

    public CsvRowReader(TextReader reader) => this.reader = reader;

    /// <summary>Set when the last record read had an unterminated quote or a quote inside an unquoted field.</summary>
    public string? LastError { get; private set; }

    public CsvRow? Read()
    {
        LastError = null;
        var startLine = nextLine;
        var line = reader.ReadLine();
        if (line is null)
            return null;
        nextLine++;
        if (!line.Contains('"', StringComparison.Ordinal))
            return new CsvRow(startLine, line.Split(','), line);

        // Quotes: a record continues over line breaks while a quoted field is open.
        var text = line;
        while (OpenQuotes(text))
        {
            if (text.Length > MaxQuotedLength)
            {
                LastError = "a quoted field is not closed (unbalanced quotes)";
                return new CsvRow(startLine, [text], text);
            }
            var next = reader.ReadLine();
            if (next is null)
            {
                LastError = "a quoted field is not closed before the end of the file";
                return new CsvRow(startLine, [text], text);
            }
            nextLine++;
            text = text + "\n" + next;
        }
        return new CsvRow(startLine, Split(text), text);
    }

    private static bool OpenQuotes(string text)
    {
        var open = false;
        foreach (var c in text)
        {
            if (c == '"')
                open = !open; // a doubled quote inside a field toggles twice
        }
        return open;
    }

    private string[] Split(string text)
    {
        fields.Clear();
        field.Clear();
        var inQuotes = false;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c != '"')
                    field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                    inQuotes = false;
                continue;
            }
            switch (c)
            {
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    quoted = false;
                    break;
                case '"' when field.Length == 0 && !quoted:
                    inQuotes = true;
                    quoted = true;
                    break;
                case '"':
                    LastError ??= "a quote appears inside a field that is not quoted";
                    field.Append(c);
                    break;
                default:
                    if (quoted)
                        LastError ??= "text follows the closing quote of a field";
                    field.Append(c);
                    break;
            }
        }
        fields.Add(field.ToString());
        return fields.ToArray();
    }
}
