namespace HealthStats.Etl.Generation;

/// <summary>The facilities of a run, largest first, with a weighted pick by size.</summary>
internal sealed class FacilityRoster
{
    private readonly double[] _cumulative;

    public FacilityRoster(int count, Prng rng)
    {
        Facilities = new Facility[count];
        _cumulative = new double[count];
        var total = 0.0;
        for (var i = 0; i < count; i++)
        {
            // A teaching hospital, then regional and community hospitals of falling size. Plain division
            // keeps the weights bit-identical across runtimes (Math.Pow need not be).
            var weight = 2.0 / (i + 2);
            var id = "F" + (i + 1).ToString("000", System.Globalization.CultureInfo.InvariantCulture);
            var coders = 2 + (int)Math.Round(10 * weight);
            var coderIds = new string[coders];
            var turnaround = new double[coders];
            for (var c = 0; c < coders; c++)
            {
                coderIds[c] = id + "-C" + (c + 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
                turnaround[c] = rng.Chance(0.15) ? rng.Between(14, 28) : rng.Between(3, 10);
            }
            Facilities[i] = new Facility
            {
                Index = i,
                Id = id,
                Weight = weight,
                Region = i % Geography.RegionCodes.Length,
                CoderIds = coderIds,
                CoderTurnaround = turnaround,
                ChartMultiplier = PickMultiplier(rng),
                ChartOffset = rng.Next(ChartSpace),
            };
            total += weight;
            _cumulative[i] = total;
        }
    }

    /// <summary>Chart numbers are 7 digits while the patient count allows.</summary>
    public const int ChartSpace = 10_000_000;

    public Facility[] Facilities { get; }

    public int Count => Facilities.Length;

    public Facility Centre => Facilities[0];

    public int PickBySize(Prng rng)
    {
        var x = rng.NextDouble() * _cumulative[^1];
        for (var i = 0; i < _cumulative.Length; i++)
        {
            if (x < _cumulative[i])
                return i;
        }
        return _cumulative.Length - 1;
    }

    private static long PickMultiplier(Prng rng)
    {
        // Coprime with 10^7 (odd, not a multiple of 5), so the permutation is a bijection.
        while (true)
        {
            var m = 1_000_003L + rng.Next(8_000_000);
            if (m % 2 != 0 && m % 5 != 0)
                return m;
        }
    }
}
