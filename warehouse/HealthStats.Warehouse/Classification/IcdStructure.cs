using System.Collections.Frozen;

namespace HealthStats.Warehouse.Classification;

/// <summary>
/// The ICD-10 chapters and blocks, and the ICD-10-PCS sections, embedded from Classification/Structure (see the
/// README there for their provenance). A diagnosis code gets its chapter and block from its 3-character category by
/// ordinal range comparison, whether or not any imported version holds it.
/// </summary>
public static class IcdStructure
{
    private static readonly Lazy<Tables> Loaded = new(Load);

    public static IReadOnlyList<IcdChapter> Chapters => Loaded.Value.Chapters;

    /// <summary>The block ranges in category order; a block with several ranges appears once per range.</summary>
    public static IReadOnlyList<IcdBlock> Blocks => Loaded.Value.Blocks;

    public static IReadOnlyList<PcsSection> PcsSections => Loaded.Value.Sections;

    /// <summary>The chapter of a diagnosis code (dotted or not), from its first three characters.</summary>
    public static IcdChapter? FindChapter(string code) =>
        Category(code) is { } category ? FindInRanges(Loaded.Value.Chapters, category, c => c.FirstCategory, c => c.LastCategory) : null;

    /// <summary>The block of a diagnosis code (dotted or not), from its first three characters.</summary>
    public static IcdBlock? FindBlock(string code) =>
        Category(code) is { } category ? FindInRanges(Loaded.Value.Blocks, category, b => b.FirstCategory, b => b.LastCategory) : null;

    public static IcdChapter? ChapterById(string id) => Loaded.Value.ChaptersById.GetValueOrDefault(id);

    public static IcdBlock? BlockById(string id) => Loaded.Value.BlocksById.GetValueOrDefault(id);

    public static PcsSection? PcsSectionById(string id) => Loaded.Value.SectionsById.GetValueOrDefault(id);

    /// <summary>The ICD-10-PCS section of an intervention code: its first character.</summary>
    public static PcsSection? FindPcsSection(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var normalised = ClassificationFiles.NormaliseCode(code);
        return normalised.Length == 0 ? null : Loaded.Value.SectionsById.GetValueOrDefault(normalised[..1]);
    }

    private static string? Category(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var normalised = ClassificationFiles.NormaliseCode(code);
        return normalised.Length < 3 ? null : normalised[..3];
    }

    private static T? FindInRanges<T>(IReadOnlyList<T> sorted, string category, Func<T, string> first, Func<T, string> last)
        where T : class
    {
        // The last range that starts at or before the category holds it, if any does: ranges do not overlap.
        int low = 0, high = sorted.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (string.CompareOrdinal(first(sorted[middle]), category) <= 0)
            {
                found = middle;
                low = middle + 1;
            }
            else
                high = middle - 1;
        }
        return found >= 0 && string.CompareOrdinal(category, last(sorted[found])) <= 0 ? sorted[found] : null;
    }

    private static Tables Load()
    {
        var chapters = ReadResource("icd10_chapters.csv", ["chapter", "title", "first", "last", "who_range"],
                f => new IcdChapter(f[0], f[1], f[2], f[3], f[4]))
            .OrderBy(c => c.FirstCategory, StringComparer.Ordinal)
            .ToList();
        var blocks = ReadResource("icd10_blocks.csv", ["block", "title", "chapter", "first", "last", "who_block"],
                f => new IcdBlock(f[0], f[1], f[2], f[3], f[4], f[5].Length == 0 ? null : f[5]))
            .OrderBy(b => b.FirstCategory, StringComparer.Ordinal)
            .ToList();
        var sections = ReadResource("pcs_sections.csv", ["section", "title"], f => new PcsSection(f[0], f[1]));
        RequireDisjoint(chapters, c => c.Id, c => c.FirstCategory, c => c.LastCategory, "icd10_chapters.csv");
        RequireDisjoint(blocks, b => b.Id, b => b.FirstCategory, b => b.LastCategory, "icd10_blocks.csv");
        return new Tables(
            chapters,
            blocks,
            sections,
            chapters.ToFrozenDictionary(c => c.Id, StringComparer.Ordinal),
            blocks.DistinctBy(b => b.Id).ToFrozenDictionary(b => b.Id, StringComparer.Ordinal),
            sections.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal));
    }

    private static void RequireDisjoint<T>(List<T> sorted, Func<T, string> id, Func<T, string> first, Func<T, string> last, string resource)
    {
        for (var i = 0; i < sorted.Count; i++)
        {
            if (string.CompareOrdinal(first(sorted[i]), last(sorted[i])) > 0
                || (i > 0 && string.CompareOrdinal(last(sorted[i - 1]), first(sorted[i])) >= 0))
                throw new InvalidOperationException($"Embedded structure/{resource}: the range of {id(sorted[i])} is reversed or overlaps the one before.");
        }
    }

    private static List<T> ReadResource<T>(string name, string[] columns, Func<string[], T> create)
    {
        var resource = "structure/" + name;
        using var stream = typeof(IcdStructure).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException(
                $"The embedded resource {resource} is missing from HealthStats.Warehouse (Classification/Structure/{name}).");
        using var reader = new StreamReader(stream);
        var csv = new CsvRecordReader(reader, resource);
        var header = csv.Read() ?? throw new InvalidOperationException($"Embedded {resource} is empty.");
        var positions = columns.Select(c => IndexOf(header, c, resource)).ToArray();
        var rows = new List<T>();
        while (csv.Read() is { } record)
        {
            if (record.Count != header.Count)
                throw new ClassificationFileException(resource, csv.RecordLine, null, $"expected {header.Count} fields, found {record.Count}");
            rows.Add(create(positions.Select(p => record[p]).ToArray()));
        }
        return rows;
    }

    private static int IndexOf(IReadOnlyList<string> header, string column, string resource)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i] == column)
                return i;
        }
        throw new InvalidOperationException($"Embedded {resource} has no column '{column}'.");
    }

    private sealed record Tables(
        List<IcdChapter> Chapters,
        List<IcdBlock> Blocks,
        List<PcsSection> Sections,
        FrozenDictionary<string, IcdChapter> ChaptersById,
        FrozenDictionary<string, IcdBlock> BlocksById,
        FrozenDictionary<string, PcsSection> SectionsById);
}
