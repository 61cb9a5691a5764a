using System.Text;

namespace HealthStats.Warehouse.Classification;

/// <summary>
/// Readers for classification files (see formats.md section 6): the CMS order file of ICD-10-CM and ICD-10-PCS,
/// and the generic CSV <c>code,title,billable[,chapter][,block]</c>. They stream, normalise codes, and report
/// problems as <see cref="ClassificationFileException"/> naming file, line and field.
/// </summary>
public static class ClassificationFiles
{
    public const string CmsOrderFormat = "cms-order";
    public const string CsvFormat = "csv";

    // Fixed-width layout of a CMS order line, as 0-based offsets (formats.md gives 1-based columns).
    private const int OrderNumberLength = 5;      // columns 1-5
    private const int CodeStart = 6;              // columns 7-13
    private const int CodeLength = 7;
    private const int BillableColumn = 14;        // column 15
    private const int ShortTitleStart = 16;       // columns 17-76
    private const int ShortTitleLength = 60;
    private const int LongTitleStart = 77;        // column 78 on

    /// <summary>Codes are kept without dots and spaces, upper case: <c>j18.9</c> is <c>J189</c>.</summary>
    public static string NormaliseCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var normal = true;
        foreach (var c in code)
        {
            if (c is '.' or ' ' or '\t' || char.IsAsciiLetterLower(c))
            {
                normal = false;
                break;
            }
        }
        if (normal)
            return code;

        var builder = new StringBuilder(code.Length);
        foreach (var c in code)
        {
            if (c is not ('.' or ' ' or '\t'))
                builder.Append(char.ToUpperInvariant(c));
        }
        return builder.ToString();
    }

    /// <summary>Reads a file in the given format (<c>cms-order</c> or <c>csv</c>), or tells the format from its first line when null.</summary>
    public static IEnumerable<ClassificationCode> Read(string path, string? format)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var resolved = format?.Trim().ToLowerInvariant() switch
        {
            null or "" or "auto" => DetectFormat(path),
            CmsOrderFormat => CmsOrderFormat,
            CsvFormat => CsvFormat,
            _ => throw new ArgumentException(
                $"Unknown classification file format '{format}': use '{CmsOrderFormat}' (CMS order file) or '{CsvFormat}' (code,title,billable[,chapter][,block]).",
                nameof(format)),
        };
        return resolved == CmsOrderFormat ? ReadCmsOrder(path) : ReadCsv(path);
    }

    /// <summary>Reads a CMS order file: order number in columns 1-5, code 7-13, billable flag 15, short title 17-76, long title from 78.</summary>
    public static IEnumerable<ClassificationCode> ReadCmsOrder(string path)
    {
        RequireFile(path);
        return ReadFile(path, ReadCmsOrder);
    }

    /// <summary>Reads a generic classification CSV with header <c>code,title,billable</c> and optional <c>chapter</c>, <c>block</c>.</summary>
    public static IEnumerable<ClassificationCode> ReadCsv(string path)
    {
        RequireFile(path);
        return ReadFile(path, ReadCsv);
    }

    /// <summary>Reads CMS order lines from a reader the caller owns; <paramref name="sourceName"/> names it in errors.</summary>
    public static IEnumerable<ClassificationCode> ReadCmsOrder(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (lineNumber == 1 && line.Length > 0 && line[0] == '\uFEFF')
                line = line[1..];
            if (string.IsNullOrWhiteSpace(line))
                continue;
            yield return ParseCmsOrderLine(line, sourceName, lineNumber);
        }
    }

    /// <summary>Reads classification CSV records from a reader the caller owns; <paramref name="sourceName"/> names it in errors.</summary>
    public static IEnumerable<ClassificationCode> ReadCsv(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        var csv = new CsvRecordReader(reader, sourceName);
        var header = csv.Read() ?? throw new ClassificationFileException(
            sourceName, 1, null, "the file is empty: expected a header line code,title,billable[,chapter][,block]");
        var columns = CsvColumns.FromHeader(header, sourceName, csv.RecordLine);
        while (csv.Read() is { } record)
        {
            if (record.Count == 1 && string.IsNullOrWhiteSpace(record[0]))
                continue;
            yield return columns.Parse(record, sourceName, csv.RecordLine);
        }
    }

    internal static bool IsCmsOrderLine(string line) =>
        line.Length > ShortTitleStart
        && line.AsSpan(0, OrderNumberLength).ContainsAnyExceptInRange('0', '9') is false
        && line[OrderNumberLength] == ' '
        && line[BillableColumn] is '0' or '1'
        && line[BillableColumn - 1] == ' '
        && line[BillableColumn + 1] == ' ';

    private static ClassificationCode ParseCmsOrderLine(string line, string file, int lineNumber)
    {
        if (line.Length <= ShortTitleStart)
        {
            throw new ClassificationFileException(file, lineNumber, null,
                $"the line has {line.Length} characters; a CMS order line holds the order number (columns 1-5), code (7-13), " +
                "billable flag (15) and title (from 17)");
        }
        if (line.AsSpan(0, OrderNumberLength).ContainsAnyExceptInRange('0', '9') || line[OrderNumberLength] != ' ')
            throw new ClassificationFileException(file, lineNumber, "order number",
                $"expected 5 digits in columns 1-5 and a space in column 6, found '{line[..(OrderNumberLength + 1)]}'");

        var rawCode = line.AsSpan(CodeStart, CodeLength).Trim();
        if (rawCode.IsEmpty)
            throw new ClassificationFileException(file, lineNumber, "code", "columns 7-13 are empty");
        var code = NormaliseCode(rawCode.ToString());
        RequireCodeCharacters(code, file, lineNumber);
        if (line[BillableColumn - 1] != ' ')
            throw new ClassificationFileException(file, lineNumber, "code", $"the code '{line.Substring(CodeStart, CodeLength + 1)}' runs into column 14, which must be a space");

        var billable = line[BillableColumn] switch
        {
            '1' => true,
            '0' => false,
            var other => throw new ClassificationFileException(file, lineNumber, "billable",
                $"expected 1 (billable code) or 0 (header) in column 15, found '{other}'"),
        };
        if (line[BillableColumn + 1] != ' ')
            throw new ClassificationFileException(file, lineNumber, "billable", "column 16 must be a space after the billable flag");

        // The long title is the one to keep; a line cut short after the short title still has a usable title.
        var title = line.Length > LongTitleStart ? line.AsSpan(LongTitleStart).Trim() : [];
        if (title.IsEmpty)
            title = line.AsSpan(ShortTitleStart, Math.Min(ShortTitleLength, line.Length - ShortTitleStart)).Trim();
        if (title.IsEmpty)
            throw new ClassificationFileException(file, lineNumber, "title", "both the short title (columns 17-76) and the long title (from 78) are empty");
        return new ClassificationCode(code, title.ToString(), billable);
    }

    internal static void RequireCodeCharacters(string code, string file, int lineNumber)
    {
        foreach (var c in code)
        {
            // Letters and digits; the hyphen for CCI codes written with their qualifiers (1.VA.53.LA-PN-N).
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                throw new ClassificationFileException(file, lineNumber, "code",
                    $"'{code}' holds '{c}': a code is letters and digits (dots and spaces are dropped)");
        }
    }

    private static string DetectFormat(string path)
    {
        RequireFile(path);
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            line = line.TrimStart('\uFEFF');
            if (IsCmsOrderLine(line))
                return CmsOrderFormat;
            if (line.Split(',').Any(name => name.Trim().Trim('"').Equals("code", StringComparison.OrdinalIgnoreCase)))
                return CsvFormat;
            throw new ClassificationFileException(path, lineNumber, null,
                "cannot tell the format: expected a CMS order line (order number, code, billable flag, titles in fixed columns) " +
                "or a CSV header naming the columns code,title,billable");
        }
        throw new ClassificationFileException(path, Math.Max(lineNumber, 1), null, "the file is empty");
    }

    private static void RequireFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Classification file {path} does not exist.", path);
    }

    private static IEnumerable<ClassificationCode> ReadFile(string path, Func<TextReader, string, IEnumerable<ClassificationCode>> read)
    {
        // Opened when enumerated, closed when the enumeration ends or is abandoned.
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        foreach (var code in read(reader, path))
            yield return code;
    }
}
