namespace HealthStats.Warehouse.Reference;

/// <summary>
/// Reads a population file (formats.md section 4): <c>year,region,sex,age_start,age_end,population</c>. Sex is M, F
/// or T (total of both sexes); region is a residence region code or ALL (any case); age_end is empty for the open top
/// group. Within a (year, region, sex) the age groups follow on without gaps or overlaps, and appear once.
/// </summary>
public static class PopulationFile
{
    public const string AllRegions = "ALL";

    private const int MaxRegionLength = 20; // as the abstracts' residence_region

    /// <exception cref="ReferenceFileException">The header, a field or the age groups are wrong.</exception>
    public static IReadOnlyList<PopulationRow> Read(string path)
    {
        using var csv = ReferenceCsv.Open(path, ["year", "region", "sex", "age_start", "age_end", "population"], []);
        var rows = new List<PopulationRow>();
        var seen = new Dictionary<(int, string, string, int), int>();
        while (csv.Next())
        {
            var year = csv.Integer("year", 1800, 2200);
            var region = csv.RequiredText("region", MaxRegionLength);
            if (region.Equals(AllRegions, StringComparison.OrdinalIgnoreCase))
                region = AllRegions;
            var sex = csv.RequiredText("sex", 1).ToUpperInvariant();
            if (sex is not ("M" or "F" or "T"))
                throw csv.Error("sex", $"'{sex}' is not M (male), F (female) or T (total of both sexes)");
            var start = csv.Integer("age_start", 0, 150);
            var end = csv.OptionalInteger("age_end", 0, 150);
            if (end < start)
                throw csv.Error("age_end", $"the age group ends at {end}, before it starts at {start}");
            var population = (long)csv.Amount("population", whole: true);
            if (!seen.TryAdd((year, region, sex, start), csv.Line))
                throw csv.Error("age_start", $"{year} {region} {sex} has a second age group starting at {start} (the first is on line {seen[(year, region, sex, start)]})");
            rows.Add(new PopulationRow(year, region, sex, start, end, population, csv.Line));
        }
        if (rows.Count == 0)
            throw new ReferenceFileException(path, Math.Max(csv.Line, 1), null, "the file holds no populations");
        foreach (var group in rows.GroupBy(r => (r.Year, r.Region, r.Sex)))
        {
            var what = $"{group.Key.Year} {group.Key.Region} {group.Key.Sex}";
            if (AgeGroups.Check(group.Select(r => (r.AgeStart, r.AgeEnd, r.Line)), what, mustStartAt: null) is { } problem)
                throw new ReferenceFileException(path, problem.Line, problem.Field, problem.Problem);
        }
        return rows;
    }
}
