namespace HealthStats.Warehouse.Indicators;

/// <summary>An age range in years, inclusive; <see cref="End"/> is null for an open top group.</summary>
internal readonly record struct AgeBand(int Start, int? End)
{
    public string Label => End is { } end ? $"{Start}-{end}" : $"{Start}+";

    public bool Contains(int age) => age >= Start && (End is null || age <= End);

    /// <summary>
    /// The finest age groups that every grouping given (each a list of contiguous groups over the same range)
    /// can be summed into: the group starts they share. Populations of regions or sexes imported with
    /// different groups, or a standard with finer groups, meet on these.
    /// </summary>
    public static IReadOnlyList<AgeBand> CommonGroups(IReadOnlyList<IReadOnlyList<AgeBand>> groupings, Func<string> describe)
    {
        var first = groupings[0];
        var start = first[0].Start;
        var top = first[^1].End;
        foreach (var grouping in groupings)
        {
            if (grouping[0].Start != start || grouping[^1].End != top)
            {
                throw new IndicatorRequestException(
                    $"the populations of {describe()} do not cover the same ages ({first[0].Start} to {first[^1].End?.ToString() ?? "open"} " +
                    $"against {grouping[0].Start} to {grouping[^1].End?.ToString() ?? "open"}): import them over the same age range");
            }
        }
        var starts = first.Select(g => g.Start).ToHashSet();
        foreach (var grouping in groupings.Skip(1))
            starts.IntersectWith(grouping.Select(g => g.Start));
        var ordered = starts.Order().ToList();
        return ordered.Select((s, i) => new AgeBand(s, i + 1 < ordered.Count ? ordered[i + 1] - 1 : top)).ToList();
    }
}
