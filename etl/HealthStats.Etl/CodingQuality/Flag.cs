namespace HealthStats.Etl.CodingQuality;

/// <summary>An abstract put forward for audit: its score and the reasons, most important first.</summary>
public sealed record Flag(string FacilityId, string AbstractId, double Score, IReadOnlyList<string> Reasons);
