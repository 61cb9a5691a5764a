using System.Text;
using HealthStats.Etl.Ingest.Limits;

namespace HealthStats.Etl.Ingest.Csv;

/// <summary>
/// Streams RFC 4180 records from a reader: quoted fields with doubled quotes, commas and line breaks
/// inside quotes, LF or CRLF line ends. It holds one record at a time, so a file of any size reads in
/// constant memory. Most records have no quote at all; they are split straight from the line, and
/// only lines with quotes go through the quote-aware parser. A record whose closing quote never
/// comes is returned as malformed rather than swallowing the rest of the file; so is a line longer
/// than <see cref="InputLimits.MaxLineChars"/>, of which only the start is held.
/// </summary>
internal sealed class CsvRowReader
{
    // A quoted field longer than this is taken as an unbalanced quote, so one stray quote cannot
    // turn the rest of a large file into a single field.
    private const int MaxQuotedLength = 1 << 20;

    private readonly BoundedLineReader lines;
    private readonly StringBuilder field = new();
    private readonly List<string> fields = new(128);
    private long nextLine = 1;

    public CsvRowReader(TextReader reader, string fileName) => lines = new BoundedLineReader(reader, fileName);

    /// <summary>Set when the last record read had an unterminated quote, a quote inside an unquoted field, or a line over the length limit.</summary>
    public string? LastError { get; private set; }

    public CsvRow? Read()
    {
        LastError = null;
        var startLine = nextLine;
        var line = lines.ReadLine();
        if (line is null)
            return null;
        nextLine++;
        if (lines.LastLineLength is { } longLine)
            return Broken(startLine, line, BoundedLineReader.TooLongMessage(startLine, longLine));
        if (!line.Contains('"', StringComparison.Ordinal))
            return new CsvRow(startLine, line.Split(','), line);

        // Quotes: a record continues over line breaks while a quoted field is open. The quote count's
        // parity is kept line by line, so a long record costs its length, not its length squared.
        var open = OpenQuotes(line);
        if (!open)
            return new CsvRow(startLine, Split(line), line);
        var text = new StringBuilder(line);
        while (open)
        {
            if (text.Length > MaxQuotedLength)
                return Broken(startLine, text.ToString(), "a quoted field is not closed (unbalanced quotes)");
            var next = lines.ReadLine();
            if (next is null)
                return Broken(startLine, text.ToString(), "a quoted field is not closed before the end of the file");
            nextLine++;
            text.Append('\n').Append(next);
            if (lines.LastLineLength is { } longNext)
                return Broken(startLine, text.ToString(), BoundedLineReader.TooLongMessage(nextLine - 1, longNext));
            open ^= OpenQuotes(next);
        }
        var record = text.ToString();
        return new CsvRow(startLine, Split(record), record);
    }

    private CsvRow Broken(long line, string text, string error)
    {
        LastError = error;
        return new CsvRow(line, [text], text);
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
