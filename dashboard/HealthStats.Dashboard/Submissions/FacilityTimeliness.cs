namespace HealthStats.Dashboard.Submissions;

/// <summary>A facility's last submission (UTC) and how long ago it was, with <see cref="IsOverdue"/> past the expected interval.</summary>
public sealed record FacilityTimeliness(string FacilityId, DateTime LastSubmission, string LastBatchId, long Abstracts, int DaysSince, bool IsOverdue);
