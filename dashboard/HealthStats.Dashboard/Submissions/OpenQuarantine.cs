namespace HealthStats.Dashboard.Submissions;

/// <summary>Quarantined records not yet cleared by a corrected submission, counted three ways.</summary>
public sealed record OpenQuarantine(IReadOnlyList<QuarantineCount> ByFacility, IReadOnlyList<QuarantineCount> ByBatch, IReadOnlyList<QuarantineRuleCount> ByRule)
{
    public long Total => ByFacility.Sum(c => c.Open);
}
