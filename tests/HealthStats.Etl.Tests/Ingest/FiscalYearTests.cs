using HealthStats.Etl.Ingest.Derivation;

namespace HealthStats.Etl.Tests.Ingest;

public sealed class FiscalYearTests
{
    [Theory]
    [InlineData("2024-03-31", 2023)]
    [InlineData("2024-04-01", 2024)]
    [InlineData("2024-12-31", 2024)]
    [InlineData("2025-01-01", 2024)]
    [InlineData("2025-03-31", 2024)]
    [InlineData("2025-04-01", 2025)]
    public void Of_StartsTheYearOnApril1(string date, int expected)
    {
        Assert.Equal(expected, FiscalYear.Of(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2024-04-15", 1)]
    [InlineData("2024-12-01", 9)]
    [InlineData("2025-03-31", 12)]
    public void Month_CountsFromApril(string date, int expected)
    {
        Assert.Equal(expected, FiscalYear.Month(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Label_NamesBothCalendarYears()
    {
        Assert.Equal("2024-2025", FiscalYear.Label(2024));
    }
}
