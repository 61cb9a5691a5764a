using System.Globalization;
using HealthStats.Etl.Generation;

namespace HealthStats.Etl.Tests.Generation;

/// <summary>
/// Discharges at the edges of the generated period: the first month must not lack the stays admitted
/// before it, nor the last month gather the stays that would end after it.
/// </summary>
[Collection(GeneratedSampleCollection.Name)]
public sealed class DischargeVolumeTests
{
    private static readonly DateOnly PeriodStart = new(2023, 4, 1);
    private static readonly DateOnly PeriodEnd = new(2026, 3, 31);

    /// <summary>Discharges per day of 30,000 abstracts over fiscal years 2023 to 2025.</summary>
    private static readonly Lazy<Dictionary<DateOnly, int>> DischargesByDay = new(() =>
    {
        var abstracts = new StringWriter();
        AbstractGenerator.Generate(new GeneratorOptions(30_000, Seed: 20260401), abstracts, new StringWriter());
        var rows = CsvText.Parse(abstracts.ToString());
        var column = Array.IndexOf(rows[0], "discharge_date");
        return rows.Skip(1)
            .GroupBy(r => DateOnly.ParseExact(r[column], "yyyy-MM-dd", CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Count());
    });

    private readonly GeneratedSample _sample;

    public DischargeVolumeTests(GeneratedSample sample)
    {
        _sample = sample;
    }

    [Fact]
    public void FirstAndLastMonths_DischargeAsManyAsTheSameMonthsOfOtherYears_WhenThreeYearsAreGenerated()
    {
        Assert.Equal(30_000, DischargesByDay.Value.Values.Sum());
        AssertLikeOtherYears(PeriodStart, PeriodStart.AddMonths(1).AddDays(-1), 0.15);
        AssertLikeOtherYears(new DateOnly(2026, 3, 1), PeriodEnd, 0.15);
    }

    [Fact]
    public void FirstAndLastWeeks_DischargeAsManyAsTheSameWeeksOfOtherYears_WhenThreeYearsAreGenerated()
    {
        AssertLikeOtherYears(PeriodStart, PeriodStart.AddDays(6), 0.25);
        AssertLikeOtherYears(PeriodEnd.AddDays(-6), PeriodEnd, 0.25);
    }

    [Fact]
    public void Stays_AreWrittenWithTheirAdmissionBeforeThePeriod_WhenDischargedInIt()
    {
        var early = _sample.Rows.Where(r => r.AdmitDate < PeriodStart).ToList();
        Assert.NotEmpty(early);
        Assert.All(early, r => Assert.InRange(r.DischargeDate, PeriodStart, PeriodEnd));
        // Not only short stays: the hospital was full when the period opened.
        Assert.Contains(early, r => r.DischargeDate.DayNumber - PeriodStart.DayNumber >= 7);
    }

    /// <summary>
    /// Discharges from <paramref name="from"/> to <paramref name="to"/> are within <paramref name="tolerance"/>
    /// of the average over the same dates in the generated years that do not hold them.
    /// </summary>
    private static void AssertLikeOtherYears(DateOnly from, DateOnly to, double tolerance)
    {
        var counts = DischargesByDay.Value;
        int Count(DateOnly a, DateOnly b) => Enumerable.Range(0, b.DayNumber - a.DayNumber + 1)
            .Sum(i => counts.GetValueOrDefault(a.AddDays(i)));
        var others = new List<int>();
        for (var years = -2; years <= 2; years++)
        {
            var (a, b) = (from.AddYears(years), to.AddYears(years));
            if (years != 0 && a >= PeriodStart && b <= PeriodEnd)
                others.Add(Count(a, b));
        }
        Assert.Equal(2, others.Count);
        var count = Count(from, to);
        var average = others.Average();
        Assert.True(
            Math.Abs(count - average) <= tolerance * average,
            $"{from:yyyy-MM-dd} to {to:yyyy-MM-dd}: {count} discharges, {average:0} in the same dates of other years");
    }
}
