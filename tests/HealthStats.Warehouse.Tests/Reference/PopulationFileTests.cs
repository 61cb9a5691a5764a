using HealthStats.TestSupport;
using HealthStats.Warehouse.Reference;

namespace HealthStats.Warehouse.Tests.Reference;

public sealed class PopulationFileTests : IDisposable
{
    private const string Header = "year,region,sex,age_start,age_end,population";

    private readonly TempDirectory temp = new("population-file");

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Read_ReadsOpenTopGroupsAndAllRegions_WhenColumnsAreInAnyOrderAndCase()
    {
        var path = Write("Population,Sex,Region,Year,Age_Start,Age_End", "1000,m,R01,2024,0,44", "500,M,R01,2024,45,", "5000,T,all,2024,0,");

        var rows = PopulationFile.Read(path);

        Assert.Equal(
            [
                new PopulationRow(2024, "R01", "M", 0, 44, 1000, 2),
                new PopulationRow(2024, "R01", "M", 45, null, 500, 3),
                new PopulationRow(2024, "ALL", "T", 0, null, 5000, 4),
            ],
            rows);
    }

    [Theory]
    [InlineData("year,region,sex,age_start,age_end,pop", 1, "pop", "unknown column 'pop'")]
    [InlineData("year,region,sex,age_start,population", 1, "age_end", "the header has no column 'age_end'")]
    public void Read_NamesTheColumn_WhenTheHeaderIsWrong(string header, int line, string field, string problem)
    {
        var path = Write(header, "2024,R01,M,0,44,1000");

        var error = Assert.Throws<ReferenceFileException>(() => PopulationFile.Read(path));

        Assert.Equal((path, line, field), (error.File, error.Line, error.Field));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024,R01,M,0,44,1,000", null, "expected 6 fields")]
    [InlineData("2024,R01,M,0,44,lots", "population", "'lots' is not a whole number")]
    [InlineData("2024,R01,M,0,44,-5", "population", "-5 is negative")]
    [InlineData("24x,R01,M,0,44,1000", "year", "'24x' is not a whole number")]
    [InlineData("2024,R01,X,0,44,1000", "sex", "'X' is not M (male), F (female) or T")]
    [InlineData("2024,,M,0,44,1000", "region", "region is empty")]
    [InlineData("2024,R01,M,50,44,1000", "age_end", "ends at 44, before it starts at 50")]
    public void Read_NamesLineAndField_WhenAValueIsBad(string record, string? field, string problem)
    {
        var path = Write(Header, "2024,R01,F,0,,900", record);

        var error = Assert.Throws<ReferenceFileException>(() => PopulationFile.Read(path));

        Assert.Equal((3, field), (error.Line, error.Field));
        Assert.StartsWith($"{path}, line 3", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024,R01,M,40,,500", 3, "age_start", "overlaps the group 0-44 (line 2)")]
    [InlineData("2024,R01,M,50,,500", 3, "age_start", "leave a gap: 0-44 (line 2) is followed by a group starting at 50")]
    [InlineData("2024,R01,M,0,10,500", 3, "age_start", "has a second age group starting at 0 (the first is on line 2)")]
    public void Read_NamesTheLine_WhenAgeGroupsOverlapLeaveAGapOrRepeat(string second, int line, string field, string problem)
    {
        var path = Write(Header, "2024,R01,M,0,44,1000", second, "2024,R02,M,40,,500");

        var error = Assert.Throws<ReferenceFileException>(() => PopulationFile.Read(path));

        Assert.Equal((line, field), (error.Line, error.Field));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NamesTheOpenGroup_WhenAGroupFollowsIt()
    {
        var path = Write(Header, "2024,R01,M,0,,1000", "2024,R01,M,45,,500");

        var error = Assert.Throws<ReferenceFileException>(() => PopulationFile.Read(path));

        Assert.Equal((2, "age_end"), (error.Line, error.Field));
        Assert.Contains("the open age group 0+ of 2024 R01 M is not the last", error.Message, StringComparison.Ordinal);
    }

    private string Write(params string[] lines)
    {
        var path = temp.Combine($"populations-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }
}
