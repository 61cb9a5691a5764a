namespace HealthStats.Etl.Ingest.Csv;

/// <summary>
/// Where each known column sits in a file's header. Names match case-insensitively and in any order;
/// a missing required column or an unknown one makes the whole file unreadable, because either
/// usually means a wrong file rather than a bad record.
/// </summary>
internal sealed class AbstractCsvHeader
{
    public const string QuarantineColumnPrefix = "quarantine_";

    private readonly Dictionary<string, int> ordinals;

    private AbstractCsvHeader(Dictionary<string, int> ordinals, int width)
    {
        this.ordinals = ordinals;
        Width = width;
    }

    public int Width { get; }

    public static AbstractCsvHeader Parse(string file, string[] names, bool ignoreUnknownColumns)
    {
        var known = new HashSet<string>(AbstractColumns.All(), StringComparer.OrdinalIgnoreCase);
        var ordinals = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var unknown = new List<string>();
        for (var i = 0; i < names.Length; i++)
        {
            var name = names[i].Trim();
            if (name.Length == 0 && i == names.Length - 1)
                continue; // a trailing comma on the header line
            // A quarantine export carries its reasons in quarantine_* columns; its corrected file is read as it is.
            if (name.StartsWith(QuarantineColumnPrefix, StringComparison.OrdinalIgnoreCase))
                continue;
            if (!known.Contains(name))
            {
                unknown.Add(name.Length == 0 ? $"(empty, column {i + 1})" : name);
                continue;
            }
            if (!ordinals.TryAdd(name, i))
                throw new CsvFormatException(file, 1, $"column '{name}' appears twice in the header");
        }
        var missing = AbstractColumns.Required.Where(r => !ordinals.ContainsKey(r)).ToList();
        if (missing.Count > 0)
            throw new CsvFormatException(file, 1, $"required column(s) missing from the header: {string.Join(", ", missing)}");
        if (unknown.Count > 0 && !ignoreUnknownColumns)
            throw new CsvFormatException(file, 1,
                $"unknown column(s) in the header: {string.Join(", ", unknown.Take(10))}" +
                (unknown.Count > 10 ? $" and {unknown.Count - 10} more" : "") +
                " (is this an abstracts file? pass --ignore-unknown-columns to read it anyway)");
        return new AbstractCsvHeader(ordinals, names.Length);
    }

    public int? Ordinal(string column) => ordinals.TryGetValue(column, out var i) ? i : null;
}
