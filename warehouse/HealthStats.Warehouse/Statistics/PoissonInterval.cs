namespace HealthStats.Warehouse.Statistics;

/// <summary>
/// The exact (Garwood) confidence interval of a Poisson count, from chi-square quantiles: the lower
/// limit is χ²(α/2; 2x)/2 and the upper χ²(1-α/2; 2x+2)/2, which are gamma quantiles of shape x and x+1.
/// It is what crude and age-specific rates use: the population is taken as known, the count as Poisson.
/// </summary>
public static class PoissonInterval
{
    /// <summary>The limits of the expected count, given the observed count.</summary>
    public static (double Low, double High) ForCount(long count, double confidence = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var alpha = 1 - confidence;
        var low = count == 0 ? 0 : Gamma.InverseLowerRegularized(count, alpha / 2);
        var high = Gamma.InverseLowerRegularized(count + 1, 1 - alpha / 2);
        return (low, high);
    }

    /// <summary>A rate per <paramref name="per"/> persons with its exact interval.</summary>
    public static ConfidenceInterval ForRate(long count, double population, double per, double confidence = 0.95)
    {
        if (population <= 0)
            throw new ArgumentOutOfRangeException(nameof(population), population, "A rate needs a positive population.");
        var (low, high) = ForCount(count, confidence);
        return new ConfidenceInterval(count / population * per, low / population * per, high / population * per);
    }
}
