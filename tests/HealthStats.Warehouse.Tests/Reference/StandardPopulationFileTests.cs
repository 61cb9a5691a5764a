using HealthStats.TestSupport;
using HealthStats.Warehouse.Reference;

namespace HealthStats.Warehouse.Tests.Reference;

public sealed class StandardPopulationFileTests : IDisposable
{
    private readonly TempDirectory temp = new("standard-file");

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Read_ReadsEveryStandard_WhenFileHasTheSection5Layout()
    {
        var path = Write("standard,age_start,age_end,population", "A,0,64,80.5", "A,65,,19.5", "B,0,,100");

        var standards = StandardPopulationFile.Read(path);

        Assert.Equal(["A", "B"], standards.Select(s => s.Standard));
        Assert.Equal([new StandardAgeGroup(0, 64, 80.5, 2), new StandardAgeGroup(65, null, 19.5, 3)], standards[0].Groups);
    }

    [Fact]
    public void Read_PicksTheNamedStandardAndOpensAHighTop_WhenFileHasTheSeerLayout()
    {
        var path = Write(
            "\"standard\",\"agecat\",\"age_start\",\"age_end\",\"pop\",\"source\"",
            "\"S1\",\"0-84 years\",0,84,900,\"seer\"",
            "\"S1\",\"85+ years\",85,120,100,\"seer\"",
            "\"S2\",\"0+ years\",0,120,1,\"seer\"");

        var standard = Assert.Single(StandardPopulationFile.Read(path, "S1"));

        Assert.Equal([new StandardAgeGroup(0, 84, 900, 2), new StandardAgeGroup(85, null, 100, 3)], standard.Groups);
    }

    [Fact]
    public void Read_NamesTheField_WhenTheStandardIsNotInTheFile()
    {
        var path = Write("standard,age_start,age_end,population", "A,0,,1");

        var error = Assert.Throws<ReferenceFileException>(() => StandardPopulationFile.Read(path, "a"));

        Assert.Equal("standard", error.Field);
        Assert.Contains("no standard named 'a' (names must match exactly)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A,1,,100", 2, "age_start", "start at 1, not at 0")]
    [InlineData("A,0,84,100", 2, "age_end", "must be open (empty age_end) or end at 100 or later")]
    [InlineData("A,0,,many", 2, "population", "'many' is not a number")]
    public void Read_NamesLineAndField_WhenAStandardIsBad(string record, int line, string field, string problem)
    {
        var path = Write("standard,age_start,age_end,population", record);

        var error = Assert.Throws<ReferenceFileException>(() => StandardPopulationFile.Read(path));

        Assert.Equal((path, line, field), (error.File, error.Line, error.Field));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NamesTheColumn_WhenTheHeaderIsNeitherLayout()
    {
        var path = Write("standard,age_start,age_end,count", "A,0,,1");

        var error = Assert.Throws<ReferenceFileException>(() => StandardPopulationFile.Read(path));

        Assert.Equal((1, "count"), (error.Line, error.Field));
    }

    [SharedDataFact]
    public void Read_Reads2011CanadianStandard_WhenGivenTheSeerFiles()
    {
        foreach (var (file, name, groups) in new[]
        {
            ("rads_reference_pop_19_age_groups.csv", "2011 Canadian Standard Population (19 age groups)", 19),
            ("rads_reference_pop_18_age_groups.csv", "2011 Canadian Standard Population (18 age groups)", 18),
            ("rads_reference_pop_single_age_to_84.csv", "2011 Canadian Standard Population (single age to 84)", 86),
        })
        {
            var standard = Assert.Single(StandardPopulationFile.Read(SharedData.Path("stdpop", file), name));

            Assert.Equal(groups, standard.Groups.Count);
            Assert.Equal(34_342_780, standard.Groups.Sum(g => g.Population));
            Assert.Equal((85, (int?)null), (standard.Groups[^1].AgeStart, standard.Groups[^1].AgeEnd));
        }
        Assert.Equal(15, StandardPopulationFile.Read(SharedData.Path("stdpop", "rads_reference_pop_19_age_groups.csv")).Count);
        Assert.Single(StandardPopulationFile.Read(SharedData.Path("stdpop", "rads_reference_pop_11_age_groups.csv")));
    }

    private string Write(params string[] lines)
    {
        var path = temp.Combine($"standard-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n");
        return path;
    }
}
