namespace HealthStats.Warehouse.Extracts;

/// <summary>
/// One dimension of an extract table as suppression sees it: a single dimension (sex), or several of
/// the spec's dimensions that form a hierarchy (chapter -> block -> code), each level a column.
/// </summary>
internal sealed record DimensionGroup(IReadOnlyList<string> Levels)
{
    /// <summary>The levels of a classification, coarsest first; those next to each other in a spec form one hierarchy.</summary>
    private static readonly IReadOnlyList<string> ClassificationLevels = ["chapter", "block", "category", "code"];

    /// <summary>Its name in suppression's cells: the levels joined, so that only tables with the same hierarchy share its node ids.</summary>
    public string Name => string.Join('>', Levels);

    public static List<DimensionGroup> Of(IReadOnlyList<string> dimensions)
    {
        var groups = new List<DimensionGroup>();
        var i = 0;
        while (i < dimensions.Count)
        {
            var levels = new List<string> { dimensions[i] };
            var rank = ClassificationLevels.ToList().IndexOf(dimensions[i]);
            while (rank >= 0 && i + levels.Count < dimensions.Count
                   && ClassificationLevels.ToList().IndexOf(dimensions[i + levels.Count]) is var next && next > rank)
            {
                levels.Add(dimensions[i + levels.Count]);
                rank = next;
            }
            groups.Add(new DimensionGroup(levels));
            i += levels.Count;
        }
        return groups;
    }
}
