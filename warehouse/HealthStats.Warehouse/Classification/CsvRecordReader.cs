using System.Text;

namespace HealthStats.Warehouse.Classification;

/// <summary>
/// Reads RFC 4180 records: comma separated, fields optionally in double quotes with "" for a quote, quoted
/// fields spanning lines. Line ends may be CRLF or LF; a line break inside a quoted field becomes "\n".
/// A leading byte order mark is dropped.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader, string file)
{
    private readonly List<string> fields = [];
    private readonly StringBuilder field = new();
    private int lineNumber;

    /// <summary>The line on which the last record read starts (1-based).</summary>
    public int RecordLine { get; private set; }

    public string File => file;

    /// <summary>Reads the next record, skipping blank lines; null at the end of the input.</summary>
    public IReadOnlyList<string>? Read()
    {
        string? line;
        do
        {
            line = reader.ReadLine();
            if (line is null)
                return null;
            lineNumber++;
            if (lineNumber == 1 && line.Length > 0 && line[0] == '\uFEFF')
                line = line[1..];
        }
        while (line.Length == 0);

        RecordLine = lineNumber;
        fields.Clear();
        field.Clear();
        var quoted = false;
        var inQuotes = false;
        var i = 0;
        while (true)
        {
            if (i == line.Length)
            {
                if (!inQuotes)
                    break;
                // A quoted field goes on over the line break.
                line = reader.ReadLine() ?? throw new ClassificationFileException(
                    file, RecordLine, null, "a quoted field is not closed before the end of the file");
                lineNumber++;
                field.Append('\n');
                i = 0;
                continue;
            }

            var c = line[i++];
            if (inQuotes)
            {
                if (c != '"')
                    field.Append(c);
                else if (i < line.Length && line[i] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                    inQuotes = false;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                quoted = false;
            }
            else if (c == '"' && field.Length == 0 && !quoted)
            {
                inQuotes = true;
                quoted = true;
            }
            else
                field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }
}
