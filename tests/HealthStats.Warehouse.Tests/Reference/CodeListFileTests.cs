using HealthStats.TestSupport;
using HealthStats.Warehouse.Reference;

namespace HealthStats.Warehouse.Tests.Reference;

public sealed class CodeListFileTests : IDisposable
{
    private readonly TempDirectory temp = new("code-list-file");

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Read_ReadsListCodeAndTitle_WhenFileNamesTheList()
    {
        var path = Write("list,code,title", "Discharge_Disposition,13,\"Transferred to hospice, palliative\"");

        var entry = Assert.Single(CodeListFile.Read(path));

        Assert.Equal(new CodeListEntry("discharge_disposition", "13", "Transferred to hospice, palliative", 2), entry);
    }

    [Fact]
    public void Read_TakesTheGivenListAndUpperCasesCodes_WhenFileHasCodeAndTitleOnly()
    {
        var path = Write("code,title", "t,Transfer");

        Assert.Equal([new CodeListEntry("admit_category", "T", "Transfer", 2)], CodeListFile.Read(path, "admit_category"));
    }

    [Theory]
    [InlineData("list,code,title", "dispositions,13,Hospice", 2, "list", "unknown code list 'dispositions'")]
    [InlineData("list,code,name", "discharge_disposition,13,Hospice", 1, "name", "unknown column 'name'")]
    [InlineData("list,code,title", "discharge_disposition,,Hospice", 2, "code", "code is empty")]
    [InlineData("list,code,title", "discharge_disposition,13,", 2, "title", "title is empty")]
    public void Read_NamesLineAndField_WhenARecordIsBad(string header, string record, int line, string field, string problem)
    {
        var path = Write(header, record);

        var error = Assert.Throws<ReferenceFileException>(() => CodeListFile.Read(path));

        Assert.Equal((path, line, field), (error.File, error.Line, error.Field));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NamesBothLines_WhenACodeRepeats()
    {
        var path = Write("list,code,title", "sex,X,Intersex", "sex,X,Another");

        var error = Assert.Throws<ReferenceFileException>(() => CodeListFile.Read(path));

        Assert.Equal((3, "code"), (error.Line, error.Field));
        Assert.Contains("sex code X appears already on line 2", error.Message, StringComparison.Ordinal);
    }

    private string Write(params string[] lines)
    {
        var path = temp.Combine($"codes-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }
}
