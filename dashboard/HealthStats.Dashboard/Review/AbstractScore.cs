namespace HealthStats.Dashboard.Review;

/// <summary>The abstract's latest score and the reasons given with it, the models that made it, and when.</summary>
public sealed record AbstractScore(double Score, IReadOnlyList<string> Reasons, string? SupervisedModel, string? AnomalyModel, DateTime ScoredAt, bool IsForCurrentVersion);
