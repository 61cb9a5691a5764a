namespace HealthStats.Etl.Generation.Profiles;

/// <summary>Length of stay in days: log-normal around a median, cut to [MinDays, MaxDays].</summary>
internal sealed record StayModel(double MedianDays, double Sigma, int MinDays, int MaxDays)
{
    public int Sample(Prng rng)
    {
        var days = (int)Math.Round(rng.LogNormal(MedianDays, Sigma));
        return Math.Clamp(days, MinDays, MaxDays);
    }
}
