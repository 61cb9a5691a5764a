using System.Globalization;
using System.Text;
using HealthStats.Warehouse.Classification;

namespace HealthStats.Warehouse.Reference;

/// <summary>
/// A reference CSV as formats.md describes them: a header naming the columns (any order, any case), unknown columns an
/// error, RFC 4180 records. Hands out records with typed, checked fields; every problem names file, line and field.
/// </summary>
internal sealed class ReferenceCsv : IDisposable
{
    private readonly TextReader stream;
    private readonly CsvRecordReader reader;
    private readonly Dictionary<string, int> columns;
    private readonly int fieldCount;
    private IReadOnlyList<string> record = [];

    private ReferenceCsv(TextReader stream, CsvRecordReader reader, Dictionary<string, int> columns, int fieldCount)
    {
        this.stream = stream;
        this.reader = reader;
        this.columns = columns;
        this.fieldCount = fieldCount;
    }

    public string File => reader.File;

    public int Line => reader.RecordLine;

    /// <summary>Opens a file and reads its header: <paramref name="required"/> must all be there, nothing outside them and <paramref name="optional"/>.</summary>
    public static ReferenceCsv Open(string path, IReadOnlyCollection<string> required, IReadOnlyCollection<string> optional)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!System.IO.File.Exists(path))
            throw new FileNotFoundException($"{path}: no such file", path);
        return Open(new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true), path, required, optional);
    }

    /// <summary>As <see cref="Open(string, IReadOnlyCollection{string}, IReadOnlyCollection{string})"/>, over text that is not a file (an embedded resource), named <paramref name="file"/> in messages. Takes ownership of <paramref name="stream"/>.</summary>
    public static ReferenceCsv Open(TextReader stream, string file, IReadOnlyCollection<string> required, IReadOnlyCollection<string> optional)
    {
        var path = file;
        try
        {
            var reader = new CsvRecordReader(stream, path);
            var expected = string.Join(',', required) + (optional.Count == 0 ? "" : $"[,{string.Join(',', optional)}]");
            var header = ReadWrapped(reader) ?? throw new ReferenceFileException(path, 1, null, $"the file is empty: expected a header line {expected}");
            var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Count; i++)
            {
                var name = header[i].Trim();
                if (!required.Contains(name, StringComparer.OrdinalIgnoreCase) && !optional.Contains(name, StringComparer.OrdinalIgnoreCase))
                    throw new ReferenceFileException(path, reader.RecordLine, name.Length == 0 ? null : name,
                        $"unknown column '{name}' in the header: expected {expected}");
                if (!columns.TryAdd(name, i))
                    throw new ReferenceFileException(path, reader.RecordLine, name, "the column appears twice in the header");
            }
            foreach (var name in required)
            {
                if (!columns.ContainsKey(name))
                    throw new ReferenceFileException(path, reader.RecordLine, name,
                        $"the header has no column '{name}': expected {expected}, found {string.Join(',', header)}");
            }
            return new ReferenceCsv(stream, reader, columns, header.Count);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The header names of a file's first line, lower case, or empty for an empty file: to tell layouts apart.</summary>
    public static IReadOnlyList<string> PeekHeader(string path)
    {
        if (!System.IO.File.Exists(path))
            throw new FileNotFoundException($"{path}: no such file", path);
        using var stream = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var header = ReadWrapped(new CsvRecordReader(stream, path));
        return header is null ? [] : [.. header.Select(h => h.Trim().ToLowerInvariant())];
    }

    public bool Has(string column) => columns.ContainsKey(column);

    /// <summary>Moves to the next record, skipping blank lines; false at the end of the file.</summary>
    public bool Next()
    {
        while (ReadWrapped(reader) is { } next)
        {
            if (next.Count == 1 && string.IsNullOrWhiteSpace(next[0]))
                continue;
            if (next.Count != fieldCount)
                throw new ReferenceFileException(File, Line, null, $"expected {fieldCount} fields as in the header, found {next.Count}");
            record = [.. next];
            return true;
        }
        return false;
    }

    public ReferenceFileException Error(string? field, string problem) => new(File, Line, field, problem);

    /// <summary>The trimmed text of a column, empty when the column is absent.</summary>
    public string Text(string column) => columns.TryGetValue(column, out var i) ? record[i].Trim() : "";

    public string RequiredText(string column, int maxLength)
    {
        var text = Text(column);
        if (text.Length == 0)
            throw Error(column, $"{column} is empty");
        if (text.Length > maxLength)
            throw Error(column, $"'{text}' has {text.Length} characters; at most {maxLength} are allowed");
        return text;
    }

    public int Integer(string column, int min, int max)
    {
        var text = Text(column);
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            throw Error(column, text.Length == 0 ? $"{column} is empty" : $"'{text}' is not a whole number");
        if (value < min || value > max)
            throw Error(column, $"{value} is outside {min} to {max}");
        return value;
    }

    /// <summary>A date written yyyy-MM-dd.</summary>
    public DateOnly Date(string column)
    {
        var text = Text(column);
        if (text.Length == 0)
            throw Error(column, $"{column} is empty");
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw Error(column, $"'{text}' is not a date written yyyy-MM-dd");
        return date;
    }

    public DateOnly? OptionalDate(string column) => Text(column).Length == 0 ? null : Date(column);

    public int? OptionalInteger(string column, int min, int max) => Text(column).Length == 0 ? null : Integer(column, min, max);

    /// <summary>A count or weight: a number, not negative; whole when <paramref name="whole"/>.</summary>
    public double Amount(string column, bool whole)
    {
        var text = Text(column);
        if (text.Length == 0)
            throw Error(column, $"{column} is empty");
        var parsed = whole
            ? long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : double.NaN
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : double.NaN;
        if (double.IsNaN(parsed))
            throw Error(column, $"'{text}' is not a {(whole ? "whole number" : "number")}");
        if (parsed < 0)
            throw Error(column, $"{text} is negative");
        return parsed;
    }

    public void Dispose() => stream.Dispose();

    // The classification CSV reader throws ClassificationFileException for an unclosed quote: reported here as a reference file error.
    private static IReadOnlyList<string>? ReadWrapped(CsvRecordReader reader)
    {
        try
        {
            return reader.Read();
        }
        catch (ClassificationFileException ex)
        {
            throw new ReferenceFileException(ex.File, ex.Line, ex.Field, ex.Problem);
        }
    }
}
