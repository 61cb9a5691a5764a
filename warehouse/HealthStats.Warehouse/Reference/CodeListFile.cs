namespace HealthStats.Warehouse.Reference;

/// <summary>
/// Reads a site's code list file: <c>list,code,title</c>, or <c>code,title</c> with the list named by the caller.
/// Lists are the ones validation reads (<see cref="CodeLists.Known"/>); codes are upper-cased and appear once per list.
/// </summary>
public static class CodeListFile
{
    private const int MaxCodeLength = 10;
    private const int MaxTitleLength = 200;

    /// <exception cref="ReferenceFileException">The header, a list name, a code or a title is wrong, or a code repeats.</exception>
    public static IReadOnlyList<CodeListEntry> Read(string path, string? list = null)
    {
        if (list is not null && !CodeLists.Known.Contains(list))
            throw new ArgumentException($"Unknown code list '{list}': the lists are {string.Join(", ", CodeLists.Known)}.", nameof(list));
        using var csv = list is null
            ? ReferenceCsv.Open(path, ["list", "code", "title"], [])
            : ReferenceCsv.Open(path, ["code", "title"], []);
        var entries = new List<CodeListEntry>();
        var seen = new Dictionary<(string, string), int>();
        while (csv.Next())
        {
            var name = list ?? csv.RequiredText("list", 40).ToLowerInvariant();
            if (!CodeLists.Known.Contains(name))
                throw csv.Error("list", $"unknown code list '{name}': the lists are {string.Join(", ", CodeLists.Known)}");
            // Validation compares a field upper-cased, so a code is kept so too.
            var code = csv.RequiredText("code", MaxCodeLength).ToUpperInvariant();
            if (code.Any(c => char.IsWhiteSpace(c) || c == ','))
                throw csv.Error("code", $"'{code}' holds a space or comma");
            var title = csv.RequiredText("title", MaxTitleLength);
            if (!seen.TryAdd((name, code), csv.Line))
                throw csv.Error("code", $"{name} code {code} appears already on line {seen[(name, code)]}");
            entries.Add(new CodeListEntry(name, code, title, csv.Line));
        }
        if (entries.Count == 0)
            throw new ReferenceFileException(path, Math.Max(csv.Line, 1), null, "the file holds no codes");
        return entries;
    }
}
