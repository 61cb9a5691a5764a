namespace HealthStats.Etl.Generation;

/// <summary>A weighted choice among 0..n-1.</summary>
internal sealed class WeightedIndex
{
    private readonly double[] _cumulative;

    public WeightedIndex(params double[] weights)
    {
        _cumulative = new double[weights.Length];
        var total = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            total += weights[i];
            _cumulative[i] = total;
        }
    }

    public int Pick(Prng rng)
    {
        var x = rng.NextDouble() * _cumulative[^1];
        for (var i = 0; i < _cumulative.Length; i++)
        {
            if (x < _cumulative[i])
                return i;
        }
        return _cumulative.Length - 1;
    }
}
