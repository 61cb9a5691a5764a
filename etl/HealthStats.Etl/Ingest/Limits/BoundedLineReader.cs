using System.Text;

namespace HealthStats.Etl.Ingest.Limits;

/// <summary>
/// Reads lines (LF, CRLF or CR) like <see cref="TextReader.ReadLine"/>, but never holds more than
/// <see cref="InputLimits.MaxLineChars"/> of one: a 100 MB line costs the limit, not 200 MB of string.
/// It also refuses text that is not what formats.md says a file is, naming the line: a NUL character
/// (UTF-16 without a byte order mark, or a binary file) or a byte that is not UTF-8 (Latin-1 or
/// Windows-1252), which the decoder turns into U+FFFD. Refusing beats guessing: a Latin-1 file read as
/// UTF-8 loads garbled names and codes without a word.
/// </summary>
internal sealed class BoundedLineReader(TextReader reader, string fileName, int maxChars = InputLimits.MaxLineChars)
{
    private readonly char[] buffer = new char[1 << 16];
    private readonly StringBuilder pieces = new();
    private int start;
    private int end;

    /// <summary>Lines returned so far: the number of the last one.</summary>
    public long LineNumber { get; private set; }

    /// <summary>The length of the last line when it was longer than the limit (only its start was returned), else null.</summary>
    public long? LastLineLength { get; private set; }

    public string? ReadLine()
    {
        LastLineLength = null;
        pieces.Clear();
        long length = 0;
        var any = false;
        while (true)
        {
            if (start == end && !Fill())
            {
                if (!any)
                    return null;
                return Finish(pieces.ToString(), length);
            }
            any = true;
            var span = buffer.AsSpan(start, end - start);
            var at = span.IndexOfAny('\r', '\n');
            if (at < 0)
            {
                Keep(span, length);
                length += span.Length;
                start = end;
                continue;
            }
            string line;
            if (length == 0)
                line = new string(span[..Math.Min(at, maxChars)]);
            else
            {
                Keep(span[..at], length);
                line = pieces.ToString();
            }
            length += at;
            var lineEnd = span[at];
            start += at + 1;
            if (lineEnd == '\r' && (start < end || Fill()) && buffer[start] == '\n')
                start++;
            return Finish(line, length);
        }
    }

    /// <summary>Reads characters past the last line, as <see cref="TextReader.Read(char[], int, int)"/> does: the rest of the file, read whole.</summary>
    public int Read(char[] destination)
    {
        if (start == end)
            return reader.Read(destination, 0, destination.Length);
        var count = Math.Min(destination.Length, end - start);
        Array.Copy(buffer, start, destination, 0, count);
        start += count;
        return count;
    }

    private void Keep(ReadOnlySpan<char> span, long lengthSoFar)
    {
        if (lengthSoFar < maxChars)
            pieces.Append(span[..(int)Math.Min(span.Length, maxChars - lengthSoFar)]);
    }

    private bool Fill()
    {
        start = 0;
        end = reader.Read(buffer, 0, buffer.Length);
        return end > 0;
    }

    private string Finish(string line, long length)
    {
        LineNumber++;
        if (length > maxChars)
            LastLineLength = length;
        CheckText(line, fileName, LineNumber);
        return line;
    }

    /// <summary>Throws when the text holds a NUL or a character the UTF-8 decoder could not decode.</summary>
    public static void CheckText(ReadOnlySpan<char> text, string fileName, long line)
    {
        var bad = text.IndexOfAny('\0', '\uFFFD');
        if (bad < 0)
            return;
        throw text[bad] == '\0'
            ? new AbstractFormatException(fileName, line,
                $"character {bad + 1} is a NUL: the file is binary or UTF-16 without a byte order mark; save it as UTF-8")
            : new AbstractFormatException(fileName, line,
                $"character {bad + 1} is not valid UTF-8 (the file may be Latin-1 or Windows-1252): save it as UTF-8");
    }

    public static string TooLongMessage(long line, long length) =>
        $"line {line} is {length:N0} characters long, more than the limit of {InputLimits.MaxLineChars:N0}";
}
