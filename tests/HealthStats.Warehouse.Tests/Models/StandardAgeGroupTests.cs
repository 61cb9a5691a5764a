using System.Globalization;
using HealthStats.TestSupport;

namespace HealthStats.Warehouse.Tests.Models;

public sealed class StandardAgeGroupTests : IDisposable
{
    private readonly ModelWarehouse warehouse = new();

    public void Dispose() => warehouse.Dispose();

    [SharedDataFact]
    public void AgeGroups_MatchTheStandardPopulationFiles_ForEveryAge()
    {
        warehouse.Build();
        AssertMatches("rads_reference_pop_19_age_groups.csv", "std19");
        AssertMatches("rads_reference_pop_18_age_groups.csv", "std18");
        AssertMatches("rads_reference_pop_11_age_groups.csv", "std11");
    }

    private void AssertMatches(string file, string grouping)
    {
        var groups = File.ReadAllLines(SharedData.Path("stdpop", file)).Skip(1)
            .Select(l => l.Split(','))
            .Select(f => (Start: int.Parse(f[2], CultureInfo.InvariantCulture), End: int.Parse(f[3], CultureInfo.InvariantCulture)))
            .Distinct()
            .ToList();
        Assert.Equal(int.Parse(grouping[3..], CultureInfo.InvariantCulture), groups.Count);

        var mapped = warehouse.Rows($"select age_years, {grouping}_age_start as age_start from marts.dim_age_groups order by age_years")
            .ToDictionary(r => Convert.ToInt32(r["age_years"], CultureInfo.InvariantCulture), r => Convert.ToInt32(r["age_start"], CultureInfo.InvariantCulture));
        foreach (var (start, end) in groups)
        {
            for (var age = start; age <= Math.Min(end, 120); age++)
                Assert.True(mapped[age] == start, $"{grouping}: age {age} is in the group from {mapped[age]}, the file says from {start}");
        }
    }

    [Fact]
    public void Abstracts_CarryEachStandardAgeGroup_ByTheirAge()
    {
        warehouse.Add(new Stay("infant", "p1", "2024-05-01", null, "2024-05-02", null) { Age = 0 });
        warehouse.Add(new Stay("old", "p2", "2024-05-01", null, "2024-05-02", null) { Age = 97 });
        warehouse.Add(new Stay("mid", "p3", "2024-05-01", null, "2024-05-02", null) { Age = 14 });
        warehouse.Build();

        var rows = warehouse.Rows("select abstract_id, std19_age_group, std18_age_group, std11_age_group from marts.fct_abstracts order by abstract_id");
        Assert.Equal(
            ["infant 0 0-4 0", "mid 10-14 10-14 5-14", "old 85+ 85+ 85+"],
            rows.Select(r => $"{r["abstract_id"]} {r["std19_age_group"]} {r["std18_age_group"]} {r["std11_age_group"]}"));
    }
}
