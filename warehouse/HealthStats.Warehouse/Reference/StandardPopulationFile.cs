namespace HealthStats.Warehouse.Reference;

/// <summary>
/// Reads standard populations in either layout of formats.md section 5: <c>standard,age_start,age_end,population</c>,
/// or the SEER layout <c>standard,agecat,age_start,age_end,pop,source[,uploaded]</c> (agecat, source and uploaded are
/// not kept). A file may hold several standards. Each standard's age groups follow on from 0 without gaps or
/// overlaps, and its top group is open (empty age_end) or high: a top group ending at <see cref="HighTop"/> or later
/// (SEER writes 85+ as 85-120) is stored as open.
/// </summary>
public static class StandardPopulationFile
{
    public const int HighTop = 100;

    private const int MaxStandardLength = 200;

    /// <summary>Reads the standards of the file, or only the one named <paramref name="standard"/> (exact name).</summary>
    /// <exception cref="ReferenceFileException">The header, a field or the age groups are wrong, or the named standard is not in the file.</exception>
    public static IReadOnlyList<StandardPopulation> Read(string path, string? standard = null)
    {
        var seer = ReferenceCsv.PeekHeader(path).Contains("pop");
        using var csv = seer
            ? ReferenceCsv.Open(path, ["standard", "agecat", "age_start", "age_end", "pop", "source"], ["uploaded"])
            : ReferenceCsv.Open(path, ["standard", "age_start", "age_end", "population"], []);
        var populationColumn = seer ? "pop" : "population";
        var standards = new Dictionary<string, List<StandardAgeGroup>>(StringComparer.Ordinal);
        var order = new List<string>();
        while (csv.Next())
        {
            var name = csv.RequiredText("standard", MaxStandardLength);
            if (standard is not null && name != standard)
                continue;
            var start = csv.Integer("age_start", 0, 150);
            var end = csv.OptionalInteger("age_end", 0, 150);
            if (end < start)
                throw csv.Error("age_end", $"the age group ends at {end}, before it starts at {start}");
            var population = csv.Amount(populationColumn, whole: false);
            if (!standards.TryGetValue(name, out var groups))
            {
                standards[name] = groups = [];
                order.Add(name);
            }
            if (groups.FirstOrDefault(g => g.AgeStart == start) is { } twin)
                throw csv.Error("age_start", $"{name} has a second age group starting at {start} (the first is on line {twin.Line})");
            groups.Add(new StandardAgeGroup(start, end, population, csv.Line));
        }
        if (standards.Count == 0)
        {
            throw new ReferenceFileException(path, Math.Max(csv.Line, 1), "standard", standard is null
                ? "the file holds no standard population"
                : $"the file holds no standard named '{standard}' (names must match exactly)");
        }

        var result = new List<StandardPopulation>();
        foreach (var name in order)
        {
            var groups = standards[name].OrderBy(g => g.AgeStart).ToList();
            if (AgeGroups.Check(groups.Select(g => (g.AgeStart, g.AgeEnd, g.Line)), name, mustStartAt: 0) is { } problem)
                throw new ReferenceFileException(path, problem.Line, problem.Field, problem.Problem);
            var top = groups[^1];
            if (top.AgeEnd is { } end)
            {
                if (end < HighTop)
                    throw new ReferenceFileException(path, top.Line, "age_end",
                        $"the top age group of {name} ends at {end}: it must be open (empty age_end) or end at {HighTop} or later, so that every age is covered");
                groups[^1] = top with { AgeEnd = null };
            }
            result.Add(new StandardPopulation(name, groups));
        }
        return result;
    }
}
