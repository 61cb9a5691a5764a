using HealthStats.Dashboard.Classifications;

namespace HealthStats.Dashboard.Tests;

/// <summary>The classification browser's search over codes in memory: code matches first, words from their start, a cap.</summary>
public sealed class CodeIndexTests
{
    private static readonly CodeIndex Index = new(
    [
        new("A01", "Typhoid and paratyphoid fevers", false, "V1"),
        new("E11", "Type 2 diabetes mellitus", false, "V1"),
        new("E119", "Type 2 diabetes mellitus without complications", true, "V1"),
        new("H60", "Otitis externa (ear)", false, "V1"),
        new("I21", "Acute myocardial infarction of the heart, this year", true, "V1"),
        new("Z11", "Encounter for screening, type E11 mentioned", true, "V1"),
    ]);

    [Fact]
    public void Search_PutsCodeMatchesBeforeTitleMatches()
    {
        var result = Index.Search(CodeSearch.Parse("E11"), limit: 10);

        Assert.Equal(["E11", "E119", "Z11"], result.Codes.Select(c => c.Code));
        Assert.False(result.HasMore);
    }

    [Fact]
    public void Search_NeedsEveryWord_AtTheStartOfAWordOfTheTitle()
    {
        Assert.Equal(["E119"], Index.Search(CodeSearch.Parse("WITHOUT diabetes"), 10).Codes.Select(c => c.Code));
        Assert.Equal(["H60"], Index.Search(CodeSearch.Parse("ear"), 10).Codes.Select(c => c.Code));
        Assert.Equal(["A01", "E11", "E119", "Z11"], Index.Search(CodeSearch.Parse("typ"), 10).Codes.Select(c => c.Code));
    }

    [Fact]
    public void Search_StopsAtTheLimit_AndSaysThereIsMore()
    {
        var result = Index.Search(CodeSearch.Parse("typ"), limit: 2);

        Assert.Equal(["A01", "E11"], result.Codes.Select(c => c.Code));
        Assert.True(result.HasMore);
    }
}
