namespace HealthStats.Dashboard.Review;

/// <summary>Audited abstracts of one month, facility, coder, outcome and error type.</summary>
public sealed record OutcomeCount(DateOnly Month, string FacilityId, string CoderId, string Outcome, string? ErrorType, long Abstracts);
