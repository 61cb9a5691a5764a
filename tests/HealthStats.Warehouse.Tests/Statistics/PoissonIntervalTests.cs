using HealthStats.Warehouse.Statistics;

namespace HealthStats.Warehouse.Tests.Statistics;

public sealed class PoissonIntervalTests
{
    [Theory]
    // Exact 95% limits of a Poisson count (Garwood 1936), checked independently by bisection on the Poisson CDF.
    [InlineData(0, 0, 3.6889)]
    [InlineData(1, 0.0253, 5.5716)]
    [InlineData(3, 0.6187, 8.7673)]
    [InlineData(10, 4.7954, 18.3904)]
    [InlineData(100, 81.3640, 121.6268)]
    public void ForCount_GivesGarwoodsLimits(long count, double low, double high)
    {
        var interval = PoissonInterval.ForCount(count);

        Assert.Equal(low, interval.Low, 4);
        Assert.Equal(high, interval.High, 4);
    }

    [Fact]
    public void ForRate_ScalesTheCountsLimits_ByPopulation()
    {
        var rate = PoissonInterval.ForRate(10, 20_000, 100_000);

        Assert.Equal(50, rate.Value, 10);
        Assert.Equal(4.7954 / 20_000 * 100_000, rate.Low, 2);
        Assert.Equal(18.3904 / 20_000 * 100_000, rate.High, 2);
    }

    [Fact]
    public void ForRate_RefusesAZeroPopulation() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PoissonInterval.ForRate(1, 0, 100_000));
}
