using HealthStats.Etl.Generation.Profiles;

namespace HealthStats.Etl.Generation;

/// <summary>
/// The case mix of a day: profile weights times the month's seasonality, with planned admissions
/// mostly on weekdays. One cumulative table per month and weekday/weekend, built once.
/// </summary>
internal sealed class ProfileSelector
{
    private readonly double[][] _cumulative = new double[24][];
    private readonly double[][] _cumulativeWithoutDeliveries = new double[24][];

    public ProfileSelector()
    {
        var profiles = ProfileCatalog.Admissions;
        for (var month = 1; month <= 12; month++)
        {
            foreach (var weekend in (bool[])[false, true])
            {
                var all = new double[profiles.Length];
                var noDelivery = new double[profiles.Length];
                double total = 0, totalNoDelivery = 0;
                for (var i = 0; i < profiles.Length; i++)
                {
                    var w = Weight(profiles[i], month, weekend);
                    total += w;
                    if (!profiles[i].IsDelivery)
                        totalNoDelivery += w;
                    all[i] = total;
                    noDelivery[i] = totalNoDelivery;
                }
                _cumulative[Key(month, weekend)] = all;
                _cumulativeWithoutDeliveries[Key(month, weekend)] = noDelivery;
            }
        }
    }

    /// <summary>Relative admission volume of a day, for spreading the abstracts over the calendar.</summary>
    public double DayWeight(int month, bool weekend) => _cumulative[Key(month, weekend)][^1];

    /// <summary>Index of a profile in <see cref="ProfileCatalog.Admissions"/>.</summary>
    public int Pick(Prng rng, int month, bool weekend, bool allowDelivery)
    {
        var cumulative = allowDelivery ? _cumulative[Key(month, weekend)] : _cumulativeWithoutDeliveries[Key(month, weekend)];
        var x = rng.NextDouble() * cumulative[^1];
        for (var i = 0; i < cumulative.Length; i++)
        {
            if (x < cumulative[i])
                return i;
        }
        return 0;
    }

    private static int Key(int month, bool weekend) => ((month - 1) * 2) + (weekend ? 1 : 0);

    private static double Weight(ClinicalProfile p, int month, bool weekend)
    {
        var dayOfWeek = weekend ? ((1 - p.ElectiveShare) * 0.9) + (p.ElectiveShare * 0.04) : 1.0;
        return p.Weight * p.Season[month - 1] * dayOfWeek;
    }
}
