using HealthStats.Warehouse.Statistics;

namespace HealthStats.Warehouse.Tests.Statistics;

public sealed class GammaTests
{
    [Theory]
    // Chi-square quantiles as printed in standard tables (e.g. NIST/SEMATECH e-Handbook, 1.3.6.7.4).
    [InlineData(0.95, 1, 3.841)]
    [InlineData(0.975, 10, 20.483)]
    [InlineData(0.025, 10, 3.247)]
    [InlineData(0.99, 30, 50.892)]
    [InlineData(0.05, 100, 77.929)]
    public void ChiSquareQuantile_MatchesTables(double p, double df, double expected) =>
        Assert.Equal(expected, Gamma.ChiSquareQuantile(p, df), 3);

    [Theory]
    [InlineData(0.5, 0.3)]
    [InlineData(3, 0.025)]
    [InlineData(3, 0.975)]
    [InlineData(665_625, 0.025)]
    [InlineData(665_626, 0.975)]
    [InlineData(2_000_000.5, 0.5)]
    public void InverseLowerRegularized_IsTheInverse_OverSmallAndLargeShapes(double a, double p)
    {
        var x = Gamma.InverseLowerRegularized(a, p);

        // At a shape of millions, P(a, x)'s prefactor exp(a ln x - x - ln Γ(a)) cancels terms of ~10⁷, so
        // P itself is good to ~10⁻⁸ there: the quantile is then exact to ~10⁻¹² of itself.
        Assert.Equal(p, Gamma.LowerRegularized(a, x), a > 1e6 ? 7 : 9);
    }

    [Fact]
    public void LowerRegularized_IsTheExponentialDistribution_WhenShapeIsOne() =>
        Assert.Equal(1 - Math.Exp(-2.5), Gamma.LowerRegularized(1, 2.5), 14);

    [Fact]
    public void LogGamma_IsLogFactorial_AtWholeNumbers() =>
        Assert.Equal(Math.Log(3_628_800), Gamma.LogGamma(11), 12);

    [Fact]
    public void InverseLowerRegularized_RefusesAProbabilityOutsideZeroToOne() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Gamma.InverseLowerRegularized(2, 1.5));
}
