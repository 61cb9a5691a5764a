using HealthStats.Warehouse.Extracts;

namespace HealthStats.Warehouse.Tests.Extracts;

public sealed class CsvTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("J09-J18", "J09-J18")]
    [InlineData("Influenza, other", "\"Influenza, other\"")]
    [InlineData("", "")]
    public void Text_EscapesFormulasAndQuotes_AsSpreadsheetsNeed(string value, string expected) =>
        Assert.Equal(expected, CsvText.Text(value));

    [Fact]
    public void Cell_LeavesNumbersAsNumbers_EvenNegative()
    {
        Assert.Equal(["-1.5", "12", "true", ""], new object?[] { -1.5, 12L, true, null }.Select(CsvText.Cell));
    }
}
