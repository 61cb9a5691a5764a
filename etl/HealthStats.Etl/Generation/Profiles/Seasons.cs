namespace HealthStats.Etl.Generation.Profiles;

/// <summary>Relative monthly volumes, January first.</summary>
internal static class Seasons
{
    public static readonly double[] Flat = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];

    /// <summary>Influenza and RSV seasons: winter peaks about twice the summer trough.</summary>
    public static readonly double[] Respiratory = [1.55, 1.45, 1.2, 0.95, 0.8, 0.7, 0.65, 0.65, 0.75, 0.9, 1.1, 1.45];

    public static readonly double[] MildWinter = [1.12, 1.1, 1.05, 1.0, 0.95, 0.92, 0.9, 0.9, 0.95, 1.0, 1.03, 1.1];

    /// <summary>Falls on ice.</summary>
    public static readonly double[] Injury = [1.15, 1.12, 1.02, 0.95, 0.95, 0.93, 0.93, 0.93, 0.95, 0.98, 1.0, 1.12];

    /// <summary>Operating rooms slow down over the summer and the holidays.</summary>
    public static readonly double[] Elective = [1.05, 1.08, 1.1, 1.05, 1.05, 1.0, 0.75, 0.75, 1.05, 1.1, 1.1, 0.8];

    public static readonly double[] Births = [0.96, 0.92, 0.98, 0.98, 1.0, 1.0, 1.05, 1.06, 1.05, 1.02, 0.98, 0.98];

    public static readonly double[] Summer = [0.9, 0.88, 0.92, 0.95, 1.02, 1.1, 1.15, 1.15, 1.05, 0.98, 0.95, 0.92];
}
