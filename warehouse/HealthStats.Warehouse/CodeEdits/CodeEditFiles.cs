using System.Globalization;
using System.Text;
using HealthStats.Warehouse.Classification;
using HealthStats.Warehouse.Reference;

namespace HealthStats.Warehouse.CodeEdits;

/// <summary>
/// Reads edit tables: the CMS MCE simple code edits layout and the site CSV. Every problem is a
/// <see cref="ReferenceFileException"/> naming file, line and field; a file is read whole before anything is stored.
/// </summary>
internal static class CodeEditFiles
{
    public const string EditTypeColumn = "edit_type";
    public const string CodeKindColumn = "code_kind";
    public const string CodeColumn = "code";
    public const string EffectiveFromColumn = "effective_from";
    public const string EffectiveToColumn = "effective_to";

    private static readonly string[] MceHeader =
        ["MCE_Version", "ICD_Version", "MCE_Section", "MCE_Subsection", "MCE_Edit_Type", "ICD_Code_Type", "ICD_Code", "ICD_Desc"];

    /// <summary>The layout a file is in, told by its first line: the MCE header is tab separated.</summary>
    public static CodeEditFormat Sniff(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: no such file", path);
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var first = reader.ReadLine() ?? "";
        return first.StartsWith(MceHeader[0] + "\t", StringComparison.OrdinalIgnoreCase) ? CodeEditFormat.Mce : CodeEditFormat.Csv;
    }

    /// <summary>
    /// The first day of discharges an MCE version applies to. MCE versions follow the CMS fiscal year (version 37 is
    /// FY2020, version 27 FY2010: CMS skipped 28 to line them up), which starts on October 1st of the year before.
    /// </summary>
    public static DateOnly MceEffectiveFrom(int mceVersion) => new(mceVersion + 1983 - 1, 10, 1);

    public static CodeEditFile ReadMce(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: no such file", path);
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var header = reader.ReadLine();
        var expected = string.Join(" ", MceHeader);
        if (header is null)
            throw new ReferenceFileException(path, 1, null, $"the file is empty: expected the MCE header {expected} (tab separated)");
        var names = header.TrimEnd('\r').Split('\t');
        for (var i = 0; i < MceHeader.Length; i++)
        {
            if (i >= names.Length || !string.Equals(names[i].Trim(), MceHeader[i], StringComparison.OrdinalIgnoreCase))
                throw new ReferenceFileException(path, 1, i < names.Length ? names[i].Trim() : null,
                    $"column {i + 1} of the header must be {MceHeader[i]}: expected the MCE header {expected} (tab separated)");
        }

        var edits = new List<CodeEdit>();
        var seen = new Dictionary<(CodeEditTypes, ClassificationKind, string), int>();
        int? version = null;
        var skipped = 0;
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var fields = line.TrimEnd('\r').Split('\t');
            if (fields.Length != MceHeader.Length)
                throw new ReferenceFileException(path, lineNumber, null, $"expected {MceHeader.Length} tab-separated fields as in the header, found {fields.Length}");

            var versionText = fields[0].Trim();
            if (!int.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out var lineVersion) || lineVersion < 27 || lineVersion > 99)
                throw new ReferenceFileException(path, lineNumber, MceHeader[0], $"'{versionText}' is not an MCE version (a number from 27, FY2010)");
            if (version is { } v && v != lineVersion)
                throw new ReferenceFileException(path, lineNumber, MceHeader[0],
                    $"version {lineVersion} after version {v}: import one MCE version per file, as each takes effect on its own date");
            version = lineVersion;
            if (fields[1].Trim() != "10")
                throw new ReferenceFileException(path, lineNumber, MceHeader[1], $"'{fields[1].Trim()}' is not 10: only ICD-10 edits apply to ICD-10 abstracts");

            var mceType = fields[4].Trim();
            if (SkippedMce(mceType))
            {
                skipped++;
                continue;
            }
            var info = CodeEditTypeNames.FindByMce(mceType)
                ?? throw new ReferenceFileException(path, lineNumber, MceHeader[4],
                    $"'{mceType}' is not an MCE edit type: expected one of {string.Join(", ", CodeEditTypeNames.All.Select(t => t.MceEditType).Concat(CodeEditTypeNames.SkippedMce))}");
            var kind = fields[5].Trim() switch
            {
                "D" or "d" => ClassificationKind.Diagnosis,
                "P" or "p" => ClassificationKind.Intervention,
                var other => throw new ReferenceFileException(path, lineNumber, MceHeader[5], $"'{other}' is not D (diagnosis) or P (procedure)"),
            };
            if (!info.Allows(kind))
                throw new ReferenceFileException(path, lineNumber, MceHeader[5], $"{mceType} lists diagnoses only, not procedures");
            var code = Code(fields[6], path, lineNumber, MceHeader[6]);
            if (!seen.TryAdd((info.Type, kind, code), lineNumber))
                continue; // the MCE lists a few codes twice in one section: once is enough
            edits.Add(new CodeEdit(info.Type, kind, code, MceEffectiveFrom(lineVersion), null, lineNumber));
        }
        if (edits.Count == 0)
            throw new ReferenceFileException(path, lineNumber, null, "the file holds no edits HealthStats runs");
        return new CodeEditFile(edits, version, skipped);
    }

    public static CodeEditFile ReadCsv(string path)
    {
        using var csv = ReferenceCsv.Open(path, Required, Optional);
        return ReadCsv(csv);
    }

    /// <summary>The CSV layout over text that is not a file (the embedded starter set).</summary>
    public static CodeEditFile ReadCsv(TextReader text, string name)
    {
        using var csv = ReferenceCsv.Open(text, name, Required, Optional);
        return ReadCsv(csv);
    }

    private static readonly string[] Required = [EditTypeColumn, CodeKindColumn, CodeColumn, EffectiveFromColumn];

    private static readonly string[] Optional = [EffectiveToColumn];

    private static CodeEditFile ReadCsv(ReferenceCsv csv)
    {
        var edits = new List<CodeEdit>();
        var seen = new Dictionary<(CodeEditTypes, ClassificationKind, string, DateOnly), int>();
        while (csv.Next())
        {
            var typeName = csv.RequiredText(EditTypeColumn, 40);
            var info = CodeEditTypeNames.FindByName(typeName)
                ?? throw csv.Error(EditTypeColumn, $"'{typeName}' is not an edit type: expected one of {string.Join(", ", CodeEditTypeNames.All.Select(t => t.Name))}");
            var kindName = csv.RequiredText(CodeKindColumn, 20).ToLowerInvariant();
            var kind = kindName switch
            {
                ClassificationKindNames.Diagnosis => ClassificationKind.Diagnosis,
                ClassificationKindNames.Intervention => ClassificationKind.Intervention,
                _ => throw csv.Error(CodeKindColumn, $"'{kindName}' is not diagnosis or intervention"),
            };
            if (!info.Allows(kind))
                throw csv.Error(CodeKindColumn, $"{info.Name} lists diagnoses only, not interventions");
            var code = Code(csv.Text(CodeColumn), csv.File, csv.Line, CodeColumn);
            var from = csv.Date(EffectiveFromColumn);
            var to = csv.OptionalDate(EffectiveToColumn);
            if (to is { } end && end < from)
                throw csv.Error(EffectiveToColumn, $"{end:yyyy-MM-dd} is before effective_from {from:yyyy-MM-dd}");
            if (!seen.TryAdd((info.Type, kind, code, from), csv.Line))
                throw csv.Error(CodeColumn, $"{info.Name} {kindName} {code} from {from:yyyy-MM-dd} is already at line {seen[(info.Type, kind, code, from)]}");
            edits.Add(new CodeEdit(info.Type, kind, code, from, to, csv.Line));
        }
        if (edits.Count == 0)
            throw new ReferenceFileException(csv.File, Math.Max(1, csv.Line), null, "the file holds no edits");
        return new CodeEditFile(edits, null, 0);
    }

    private static bool SkippedMce(string mceType) => CodeEditTypeNames.SkippedMce.Contains(mceType);

    // Codes as the classification stores them (no dots, upper case), so that ingest compares them as they are.
    private static string Code(string raw, string file, int line, string field)
    {
        var code = ClassificationFiles.NormaliseCode(raw);
        if (code.Length == 0)
            throw new ReferenceFileException(file, line, field, "the code is empty");
        if (code.Length > 20)
            throw new ReferenceFileException(file, line, field, $"'{raw.Trim()}' has {code.Length} characters: no ICD-10 or CCI code is that long");
        foreach (var c in code)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                throw new ReferenceFileException(file, line, field, $"'{raw.Trim()}' is not a code: it holds '{c}'");
        }
        return code;
    }
}
