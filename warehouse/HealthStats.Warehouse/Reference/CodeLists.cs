using DuckDB.NET.Data;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Warehouse.Reference;

/// <summary>
/// The site's code lists: which values the coded fields of an abstract may take. They are reference
/// data that a site can extend, seeded from the standard DAD values on first use.
/// </summary>
public sealed class CodeLists
{
    public const string Sex = "sex";
    public const string AdmitCategory = "admit_category";
    public const string DischargeDisposition = "discharge_disposition";
    public const string DiagnosisType = "diagnosis_type";

    /// <summary>The lists validation reads: the only names a site's code list file may use.</summary>
    public static readonly IReadOnlyList<string> Known = [Sex, AdmitCategory, DischargeDisposition, DiagnosisType];

    private readonly Dictionary<string, Dictionary<string, string>> lists;

    public CodeLists(IEnumerable<(string List, string Code, string Title)> entries)
    {
        lists = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (list, code, title) in entries)
        {
            if (!lists.TryGetValue(list, out var codes))
                lists[list] = codes = new Dictionary<string, string>(StringComparer.Ordinal);
            codes[code] = title;
        }
    }

    public bool Contains(string list, string code) => lists.TryGetValue(list, out var codes) && codes.ContainsKey(code);

    public string? Title(string list, string code) =>
        lists.TryGetValue(list, out var codes) && codes.TryGetValue(code, out var title) ? title : null;

    public IReadOnlyCollection<string> Codes(string list) =>
        lists.TryGetValue(list, out var codes) ? codes.Keys : [];

    /// <summary>The standard DAD code lists shipped with the product.</summary>
    public static IEnumerable<(string List, string Code, string Title)> Seed()
    {
        using var stream = typeof(CodeLists).Assembly.GetManifestResourceStream("reference/code_lists.csv")
            ?? throw new InvalidOperationException("Embedded reference/code_lists.csv is missing.");
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        var result = new List<(string, string, string)>();
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split(',', 3);
            if (parts.Length == 3)
                result.Add((parts[0], parts[1], parts[2]));
        }
        return result;
    }

    /// <summary>Loads the lists from the warehouse, seeding the standard ones where the table is empty.</summary>
    public static CodeLists Load(DuckDBConnection connection)
    {
        if (connection.Scalar<long>("select count(*) from reference.code_lists") == 0)
        {
            using var appender = connection.CreateAppender("reference", "code_lists");
            foreach (var (list, code, title) in Seed())
                appender.CreateRow().AppendValue(list).AppendValue(code).AppendValue(title).EndRow();
        }
        var entries = new List<(string, string, string)>();
        using var command = connection.CreateCommand();
        command.CommandText = "select list, code, title from reference.code_lists";
        using var reader = command.ExecuteReader();
        while (reader.Read())
            entries.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return new CodeLists(entries);
    }
}
