namespace HealthStats.Warehouse.Classification;

/// <summary>Where the columns of a classification CSV are, from its header (names case-insensitive).</summary>
internal sealed class CsvColumns
{
    private readonly int fieldCount;
    private readonly int code;
    private readonly int title;
    private readonly int billable;
    private readonly int chapter;
    private readonly int block;

    private CsvColumns(int fieldCount, int code, int title, int billable, int chapter, int block)
    {
        this.fieldCount = fieldCount;
        this.code = code;
        this.title = title;
        this.billable = billable;
        this.chapter = chapter;
        this.block = block;
    }

    public static CsvColumns FromHeader(IReadOnlyList<string> header, string file, int line)
    {
        var positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim();
            if (name.Length == 0)
                continue;
            if (!positions.TryAdd(name, i))
                throw new ClassificationFileException(file, line, name, "the column appears twice in the header");
        }
        int Required(string name) => positions.TryGetValue(name, out var index)
            ? index
            : throw new ClassificationFileException(file, line, name,
                $"the header has no column '{name}': expected code,title,billable[,chapter][,block], found {string.Join(',', header)}");
        return new CsvColumns(
            header.Count,
            Required("code"),
            Required("title"),
            Required("billable"),
            positions.GetValueOrDefault("chapter", -1),
            positions.GetValueOrDefault("block", -1));
    }

    public ClassificationCode Parse(IReadOnlyList<string> record, string file, int line)
    {
        if (record.Count != fieldCount)
            throw new ClassificationFileException(file, line, null, $"expected {fieldCount} fields as in the header, found {record.Count}");

        var rawCode = record[code].Trim();
        if (rawCode.Length == 0)
            throw new ClassificationFileException(file, line, "code", "the code is empty");
        var normalised = ClassificationFiles.NormaliseCode(rawCode);
        if (normalised.Length == 0)
            throw new ClassificationFileException(file, line, "code", $"'{rawCode}' holds no letters or digits");
        ClassificationFiles.RequireCodeCharacters(normalised, file, line);

        var titleText = record[title].Trim();
        if (titleText.Length == 0)
            throw new ClassificationFileException(file, line, "title", $"the title of {normalised} is empty");

        return new ClassificationCode(
            normalised,
            titleText,
            ParseBillable(record[billable], file, line),
            Optional(record, chapter),
            Optional(record, block));
    }

    private static bool ParseBillable(string value, string file, int line) => value.Trim().ToLowerInvariant() switch
    {
        "1" or "true" or "yes" or "y" => true,
        "0" or "false" or "no" or "n" => false,
        _ => throw new ClassificationFileException(file, line, "billable",
            $"expected 1 or 0 (or true/false, yes/no), found '{value}'"),
    };

    private static string? Optional(IReadOnlyList<string> record, int index)
    {
        if (index < 0)
            return null;
        var value = record[index].Trim();
        return value.Length == 0 ? null : value;
    }
}
