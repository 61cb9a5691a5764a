namespace HealthStats.Dashboard.Review;

/// <summary>Audited abstracts of a group and how many were confirmed miscoded.</summary>
public sealed record ErrorRate(string Group, DateOnly? Month, long Audited, long Miscoded)
{
    /// <summary>Percent of the audited found miscoded.</summary>
    public double Percent => Audited == 0 ? 0 : 100.0 * Miscoded / Audited;
}
