namespace HealthStats.Dashboard.Review;

/// <summary>An abstract of the same MRDx category that an audit found correctly coded, to compare with.</summary>
public sealed record SimilarAbstract(string FacilityId, string AbstractId, string MrdxCode, string? MrdxTitle, string Sex, int AgeYears, int LosDays, IReadOnlyList<string> OtherDiagnoses, IReadOnlyList<string> Interventions);
