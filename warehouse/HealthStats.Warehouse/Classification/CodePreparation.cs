namespace HealthStats.Warehouse.Classification;

/// <summary>
/// Turns the codes of a file into rows to store: normalised, checked for duplicates, and placed in a chapter and
/// block. What the file says wins; otherwise diagnoses take the ICD-10 structure by category, and interventions take
/// their first character as chapter (an ICD-10-PCS section) and their first three as block (section, body system,
/// root operation), titled by that 3-character header row when the file has one.
/// </summary>
internal static class CodePreparation
{
    private const int CategoryLength = 3;
    private const int PcsCodeLength = 7;

    public static List<PreparedCode> Prepare(ClassificationKind kind, IEnumerable<ClassificationCode> codes, string source)
    {
        var read = new List<ClassificationCode>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            ArgumentNullException.ThrowIfNull(code);
            var normalised = ClassificationFiles.NormaliseCode(code.Code ?? "");
            if (normalised.Length == 0)
                throw new ArgumentException($"{source}: a code is empty (title '{code.Title}').", nameof(codes));
            if (string.IsNullOrWhiteSpace(code.Title))
                throw new ArgumentException($"{source}: code {normalised} has no title.", nameof(codes));
            if (!seen.Add(normalised))
                throw new ArgumentException($"{source}: code {normalised} appears more than once; each code may appear once in a version.", nameof(codes));
            read.Add(ReferenceEquals(normalised, code.Code) ? code : code with { Code = normalised });
        }
        return kind == ClassificationKind.Diagnosis ? PrepareDiagnoses(read) : PrepareInterventions(read);
    }

    private static List<PreparedCode> PrepareDiagnoses(List<ClassificationCode> codes)
    {
        var prepared = new List<PreparedCode>(codes.Count);
        // One lookup per category, and one string instance per category for the whole version.
        var byCategory = new Dictionary<string, (string Category, IcdChapter? Chapter, IcdBlock? Block)>(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            string? category = null;
            IcdChapter? chapter = null;
            IcdBlock? block = null;
            if (code.Code.Length >= CategoryLength)
            {
                var key = code.Code[..CategoryLength];
                if (!byCategory.TryGetValue(key, out var placed))
                {
                    placed = (key, IcdStructure.FindChapter(key), IcdStructure.FindBlock(key));
                    byCategory.Add(key, placed);
                }
                (category, chapter, block) = placed;
            }

            var chapterId = code.Chapter ?? chapter?.Id;
            var blockId = code.Block ?? block?.Id;
            prepared.Add(new PreparedCode(
                code.Code,
                code.Title,
                code.Billable,
                chapterId,
                chapterId is null ? null : IcdStructure.ChapterById(chapterId)?.Title,
                blockId,
                blockId is null ? null : IcdStructure.BlockById(blockId)?.Title,
                category));
        }
        return prepared;
    }

    private static List<PreparedCode> PrepareInterventions(List<ClassificationCode> codes)
    {
        // Section titles belong to ICD-10-PCS: a CCI file (codes longer than 7 characters, another meaning for
        // the first character) gets its chapter titles from the file or none.
        var isPcs = codes.All(c => c.Billable ? c.Code.Length == PcsCodeLength : c.Code.Length <= PcsCodeLength);
        var headerTitles = codes.Where(c => c.Code.Length == CategoryLength)
            .ToDictionary(c => c.Code, c => c.Title, StringComparer.Ordinal);
        var categories = new Dictionary<string, string>(StringComparer.Ordinal);
        var prepared = new List<PreparedCode>(codes.Count);
        foreach (var code in codes)
        {
            string? category = null;
            if (code.Code.Length >= CategoryLength)
            {
                var key = code.Code[..CategoryLength];
                if (!categories.TryGetValue(key, out category))
                {
                    category = key;
                    categories.Add(key, key);
                }
            }
            var chapterId = code.Chapter ?? code.Code[..1];
            var blockId = code.Block ?? category;
            prepared.Add(new PreparedCode(
                code.Code,
                code.Title,
                code.Billable,
                chapterId,
                isPcs ? IcdStructure.PcsSectionById(chapterId)?.Title : null,
                blockId,
                blockId is null ? null : headerTitles.GetValueOrDefault(blockId),
                category));
        }
        return prepared;
    }
}
