namespace HealthStats.Dashboard.Review;

/// <summary>One audit outcome of an abstract, imported or decided in the dashboard.</summary>
public sealed record RecordedOutcome(string Outcome, string? ErrorType, string? CorrectedCodes, string? ReviewerId, DateOnly? ReviewedDate, string Source, DateTime RecordedAt);
