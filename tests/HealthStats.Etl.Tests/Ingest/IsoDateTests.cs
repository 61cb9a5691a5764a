using HealthStats.Etl.Ingest.Validation;

namespace HealthStats.Etl.Tests.Ingest;

public sealed class IsoDateTests
{
    [Theory]
    [InlineData("2024-02-29", true)]
    [InlineData("2023-02-29", false)]
    [InlineData("2023-02-30", false)]
    [InlineData("2024-13-01", false)]
    [InlineData("2024-00-10", false)]
    [InlineData("2024-04-31", false)]
    [InlineData("2024-4-01", false)]
    [InlineData("2024/04/01", false)]
    [InlineData("20240401", false)]
    [InlineData("2024-04-01 ", false)]
    [InlineData("0000-01-01", false)]
    [InlineData("9999-12-31", true)]
    public void TryParse_AcceptsOnlyRealDatesInIsoForm(string text, bool expected)
    {
        Assert.Equal(expected, IsoDate.TryParse(text, out _));
    }

    [Theory]
    [InlineData("00:00", true)]
    [InlineData("23:59", true)]
    [InlineData("24:00", false)]
    [InlineData("12:60", false)]
    [InlineData("8:30", false)]
    [InlineData("08:30:00", false)]
    public void TryParseTime_AcceptsOnly24HourHHmm(string text, bool expected)
    {
        Assert.Equal(expected, IsoDate.TryParseTime(text, out _));
    }

    [Fact]
    public void TryParse_GivesTheDate()
    {
        Assert.True(IsoDate.TryParse("2025-03-31", out var date));
        Assert.Equal(new DateOnly(2025, 3, 31), date);
    }
}
