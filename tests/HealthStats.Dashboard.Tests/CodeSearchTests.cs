using HealthStats.Dashboard.Classifications;

namespace HealthStats.Dashboard.Tests;

/// <summary>How the classification browser reads what was typed: a code's start, title words, or both.</summary>
public sealed class CodeSearchTests
{
    [Theory]
    [InlineData("E11", "E11")]
    [InlineData("e11.9", "E119")]
    [InlineData(" E119 ", "E119")]
    [InlineData("0dtj4zz", "0DTJ4ZZ")]
    public void Parse_ReadsACodePrefix_WithoutDotsInUpperCase(string typed, string prefix) =>
        Assert.Equal(prefix, CodeSearch.Parse(typed).CodePrefix);

    [Fact]
    public void Parse_ReadsNoCode_WhenTheTextHasSpacesOrPunctuation()
    {
        Assert.Null(CodeSearch.Parse("type 2 diabetes").CodePrefix);
        Assert.Null(CodeSearch.Parse("pneumonia,").CodePrefix);
    }

    [Fact]
    public void Parse_SplitsWordsAtAnythingButLettersAndDigits_LowerCasedOnce()
    {
        var search = CodeSearch.Parse("Pneumonia, unspecified (J18) pneumonia");

        Assert.Equal(["pneumonia", "unspecified", "j18"], search.Words);
    }

    [Fact]
    public void Parse_KeepsAtMostEightWords()
    {
        var search = CodeSearch.Parse("a b c d e f g h i j");

        Assert.Equal(CodeSearch.MaxWords, search.Words.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData(".,;")]
    public void Parse_IsEmpty_WhenNothingSearchableIsTyped(string? typed) =>
        Assert.True(CodeSearch.Parse(typed).IsEmpty);
}
