namespace HealthStats.Dashboard.Review;

/// <summary>An abstract waiting for a supervisor: its score, what it is about, and why it was flagged.</summary>
public sealed record QueuedAbstract(
    string FacilityId,
    string AbstractId,
    double Score,
    int RankInFacility,
    DateOnly DischargeDate,
    string CoderId,
    string MrdxCode,
    string? MrdxTitle,
    IReadOnlyList<string> Edits,
    IReadOnlyList<string> Reasons)
{
    /// <summary>The error types the edits that fired suggest.</summary>
    public IEnumerable<string> SuggestedErrorTypes => Edits.Select(ErrorTypeChoices.ForEdit).OfType<string>().Distinct(StringComparer.Ordinal);
}
