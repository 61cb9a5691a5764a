using System.Text;
using System.Text.RegularExpressions;
using HealthStats.Warehouse.Classification;

namespace HealthStats.Warehouse.Ccsr;

/// <summary>
/// Readers for AHRQ's CCSR reference files in their long form, as CSV: the DX_to_CCSR mapping
/// (<c>ICD-10-CM Code, ICD-10-CM Code Description, CCSR Category, CCSR Category Description,
/// Inpatient Default CCSR (Y/N/X), Outpatient Default CCSR (Y/N/X)</c>, one row per code and category)
/// and the CCSR_Categories list (<c>CCSR Category, CCSR Category Description</c>). Problems are
/// <see cref="ClassificationFileException"/>s naming file, line and field.
/// </summary>
public static partial class CcsrFiles
{
    public const string CodeColumn = "ICD-10-CM Code";
    public const string CategoryColumn = "CCSR Category";
    public const string CategoryDescriptionColumn = "CCSR Category Description";
    public const string InpatientColumn = "Inpatient Default CCSR (Y/N/X)";
    public const string OutpatientColumn = "Outpatient Default CCSR (Y/N/X)";

    /// <summary>Reads the whole mapping file, checking each row and that no code has two default categories in a setting.</summary>
    public static IReadOnlyList<CcsrMapping> ReadMapping(string path)
    {
        RequireFile(path);
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var csv = new CsvRecordReader(reader, path);
        var header = csv.Read() ?? throw new ClassificationFileException(path, 1, null, "the file is empty: expected the DX_to_CCSR mapping header");
        var columns = Columns(header, path, [CodeColumn, CategoryColumn, InpatientColumn, OutpatientColumn],
            "a CCSR DX_to_CCSR mapping in long form (one row per code and category)");
        var description = Optional(header, CategoryDescriptionColumn);
        var rows = new List<CcsrMapping>();
        var seen = new HashSet<(string, string)>();
        var inpatientDefault = new Dictionary<string, int>(StringComparer.Ordinal);
        var outpatientDefault = new Dictionary<string, int>(StringComparer.Ordinal);
        while (csv.Read() is { } record)
        {
            var line = csv.RecordLine;
            if (record.Count != header.Count)
                throw new ClassificationFileException(path, line, null, $"expected {header.Count} fields as in the header, found {record.Count}");
            var rawCode = record[columns[0]].Trim().Trim('\'');
            var code = ClassificationFiles.NormaliseCode(rawCode);
            if (code.Length == 0)
                throw new ClassificationFileException(path, line, CodeColumn, "the code is empty");
            ClassificationFiles.RequireCodeCharacters(code, path, line);
            var category = Category(record[columns[1]], path, line);
            var ip = Flag(record[columns[2]], path, line, InpatientColumn);
            var op = Flag(record[columns[3]], path, line, OutpatientColumn);
            if (!seen.Add((code, category)))
                throw new ClassificationFileException(path, line, CategoryColumn, $"{code} is mapped to {category} twice");
            if (ip == "Y" && !inpatientDefault.TryAdd(code, line))
                throw new ClassificationFileException(path, line, InpatientColumn, $"{code} already has a default inpatient category on line {inpatientDefault[code]}");
            if (op == "Y" && !outpatientDefault.TryAdd(code, line))
                throw new ClassificationFileException(path, line, OutpatientColumn, $"{code} already has a default outpatient category on line {outpatientDefault[code]}");
            var text = description < 0 ? null : record[description].Trim();
            rows.Add(new CcsrMapping(code, category, string.IsNullOrEmpty(text) ? null : text, ip, op, line));
        }
        if (rows.Count == 0)
            throw new ClassificationFileException(path, Math.Max(csv.RecordLine, 1), null, "the mapping holds no rows");
        return rows;
    }

    /// <summary>Reads the CCSR_Categories file.</summary>
    public static IReadOnlyList<CcsrCategory> ReadCategories(string path)
    {
        RequireFile(path);
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var csv = new CsvRecordReader(reader, path);
        var header = csv.Read() ?? throw new ClassificationFileException(path, 1, null, "the file is empty: expected the CCSR_Categories header");
        var columns = Columns(header, path, [CategoryColumn, CategoryDescriptionColumn], "a CCSR_Categories file");
        var rows = new List<CcsrCategory>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (csv.Read() is { } record)
        {
            var line = csv.RecordLine;
            if (record.Count != header.Count)
                throw new ClassificationFileException(path, line, null, $"expected {header.Count} fields as in the header, found {record.Count}");
            var category = Category(record[columns[0]], path, line);
            var description = record[columns[1]].Trim();
            if (description.Length == 0)
                throw new ClassificationFileException(path, line, CategoryDescriptionColumn, $"the description of {category} is empty");
            if (!seen.Add(category))
                throw new ClassificationFileException(path, line, CategoryColumn, $"{category} appears twice");
            rows.Add(new CcsrCategory(category, description));
        }
        if (rows.Count == 0)
            throw new ClassificationFileException(path, Math.Max(csv.RecordLine, 1), null, "the file holds no categories");
        return rows;
    }

    // CIR007 and the like, and the few pseudo-categories of the categories file (XXX000, NoDX1, InvlDX).
    [GeneratedRegex("^[A-Za-z0-9]{3,10}$")]
    private static partial Regex CategoryPattern();

    private static string Category(string value, string path, int line)
    {
        var category = value.Trim().Trim('\'');
        if (!CategoryPattern().IsMatch(category))
            throw new ClassificationFileException(path, line, CategoryColumn, $"'{value}' is not a CCSR category (letters and digits, such as CIR007)");
        return category;
    }

    private static string Flag(string value, string path, int line, string column)
    {
        var flag = value.Trim().Trim('\'').ToUpperInvariant();
        return flag is "Y" or "N" or "X"
            ? flag
            : throw new ClassificationFileException(path, line, column, $"expected Y, N or X, found '{value}'");
    }

    private static int[] Columns(IReadOnlyList<string> header, string path, string[] required, string what)
    {
        var result = new int[required.Length];
        for (var i = 0; i < required.Length; i++)
        {
            result[i] = Optional(header, required[i]);
            if (result[i] < 0)
            {
                throw new ClassificationFileException(path, 1, required[i],
                    $"the header has no column '{required[i]}': expected {what}, with the columns {string.Join(", ", required)}; found {string.Join(", ", header)}");
            }
        }
        return result;
    }

    private static int Optional(IReadOnlyList<string> header, string name)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i].Trim().Trim('\''), name, StringComparison.OrdinalIgnoreCase))
                return i;
        }
        return -1;
    }

    private static void RequireFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"CCSR file {path} does not exist.", path);
    }
}
