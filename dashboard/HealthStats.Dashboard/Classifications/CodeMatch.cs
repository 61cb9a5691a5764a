namespace HealthStats.Dashboard.Classifications;

/// <summary>A code found by a search, as the newest classification version that holds it describes it.</summary>
public sealed record CodeMatch(string Code, string Title, bool Billable, string NewestVersion);
