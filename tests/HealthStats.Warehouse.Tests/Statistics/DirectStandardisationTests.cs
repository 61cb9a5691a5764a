using HealthStats.Warehouse.Statistics;

namespace HealthStats.Warehouse.Tests.Statistics;

public sealed class DirectStandardisationTests
{
    [Fact]
    public void Rate_WeighsAgeSpecificRates_ByTheStandard()
    {
        // 10/1,000 and 20/2,000 are both 1%; any weights give 1,000 per 100,000. Unequal rates, 60:40:
        // 0.6 * 5/1,000 + 0.4 * 40/2,000 = 0.003 + 0.008 = 0.011.
        var equal = DirectStandardisation.Rate([new(10, 1_000, 1), new(20, 2_000, 3)], 100_000);
        var weighted = DirectStandardisation.Rate([new(5, 1_000, 60), new(40, 2_000, 40)], 100_000);

        Assert.Equal(1_000, equal.Value, 9);
        Assert.Equal(1_100, weighted.Value, 9);
        Assert.InRange(weighted.Low, 0, weighted.Value);
        Assert.InRange(weighted.High, weighted.Value, double.MaxValue);
    }

    [Fact]
    public void Rate_HasTheExactPoissonInterval_WhenThereIsOneAgeGroup()
    {
        // With one group, y = wx and v = w²x: Fay-Feuer's gammas have shapes x and x + 1, Garwood's limits.
        var standardised = DirectStandardisation.Rate([new(10, 20_000, 123)], 100_000);
        var exact = PoissonInterval.ForRate(10, 20_000, 100_000);

        Assert.Equal(exact.Value, standardised.Value, 9);
        Assert.Equal(exact.Low, standardised.Low, 6);
        Assert.Equal(exact.High, standardised.High, 6);
    }

    [Fact]
    public void Rate_HasALowerLimitOfZero_AndAnUpperLimitFromTheLargestWeight_WhenThereAreNoEvents()
    {
        // wₘ = 0.5 / 1,000; upper = wₘ * -ln(0.025), the gamma(1) quantile.
        var rate = DirectStandardisation.Rate([new(0, 1_000, 1), new(0, 4_000, 1)], 100_000);

        Assert.Equal(0, rate.Value);
        Assert.Equal(0, rate.Low);
        Assert.Equal(0.5 / 1_000 * -Math.Log(0.025) * 100_000, rate.High, 6);
    }

    [Fact]
    public void Rate_RefusesEventsWithoutPopulation() =>
        Assert.Throws<ArgumentException>(() => DirectStandardisation.Rate([new(3, 0, 1)], 100_000));
}
