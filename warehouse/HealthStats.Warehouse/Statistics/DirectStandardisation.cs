namespace HealthStats.Warehouse.Statistics;

/// <summary>
/// The directly age-standardised rate, Σ wᵢ xᵢ with wᵢ = sᵢ / (S nᵢ) (sᵢ the standard population of age
/// group i, S their total, xᵢ and nᵢ the group's events and population), and its Fay-Feuer gamma interval
/// (Fay and Feuer, Stat Med 1997;16:791-801): with variance v = Σ wᵢ² xᵢ and the largest weight wₘ, the
/// lower limit is the α/2 quantile of a gamma with mean y and variance v, the upper the 1-α/2 quantile of
/// one with mean y + wₘ and variance v + wₘ². It keeps its coverage where counts are small, where the
/// normal approximation does not.
/// </summary>
public static class DirectStandardisation
{
    public static ConfidenceInterval Rate(IReadOnlyList<AgeStratum> strata, double per, double confidence = 0.95)
    {
        if (strata.Count == 0)
            throw new ArgumentException("A standardised rate needs at least one age group.", nameof(strata));
        var standardTotal = strata.Sum(s => s.StandardPopulation);
        if (standardTotal <= 0)
            throw new ArgumentException("The standard population of the age groups is zero.", nameof(strata));

        double rate = 0, variance = 0, maxWeight = 0;
        foreach (var s in strata)
        {
            if (s.Population <= 0)
            {
                if (s.Count > 0)
                    throw new ArgumentException($"An age group has {s.Count} events and no population.", nameof(strata));
                continue; // no people and no events: nothing to weigh
            }
            var weight = s.StandardPopulation / (standardTotal * s.Population);
            rate += weight * s.Count;
            variance += weight * weight * s.Count;
            maxWeight = Math.Max(maxWeight, weight);
        }

        var alpha = 1 - confidence;
        var low = rate > 0 ? GammaQuantile(rate, variance, alpha / 2) : 0;
        var high = GammaQuantile(rate + maxWeight, variance + maxWeight * maxWeight, 1 - alpha / 2);
        return new ConfidenceInterval(rate * per, low * per, high * per);
    }

    // The p-quantile of the gamma distribution with this mean and variance (shape mean²/variance, scale variance/mean).
    private static double GammaQuantile(double mean, double variance, double p) =>
        variance / mean * Gamma.InverseLowerRegularized(mean * mean / variance, p);
}
