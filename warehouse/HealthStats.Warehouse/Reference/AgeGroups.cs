namespace HealthStats.Warehouse.Reference;

/// <summary>Checks that a set of age groups follows on without gaps or overlaps, the open top group (if any) last.</summary>
internal static class AgeGroups
{
    /// <summary>Returns null when the groups are contiguous, else the problem and the line of the group it concerns.</summary>
    public static (int Line, string Field, string Problem)? Check(IEnumerable<(int Start, int? End, int Line)> groups, string what, int? mustStartAt)
    {
        var ordered = groups.OrderBy(g => g.Start).ToList();
        if (ordered.Count == 0)
            return null;
        if (mustStartAt is { } first && ordered[0].Start != first)
            return (ordered[0].Line, "age_start", $"the age groups of {what} start at {ordered[0].Start}, not at {first}");
        for (var i = 1; i < ordered.Count; i++)
        {
            var (previousStart, previousEnd, previousLine) = ordered[i - 1];
            var (start, _, line) = ordered[i];
            if (previousEnd is null)
                return (previousLine, "age_end", $"the open age group {previousStart}+ of {what} is not the last: a group starts at {start} (line {line})");
            if (start <= previousEnd)
                return (line, "age_start", $"the age group starting at {start} of {what} overlaps the group {previousStart}-{previousEnd} (line {previousLine})");
            if (start != previousEnd + 1)
                return (line, "age_start", $"the age groups of {what} leave a gap: {previousStart}-{previousEnd} (line {previousLine}) is followed by a group starting at {start}");
        }
        return null;
    }
}
