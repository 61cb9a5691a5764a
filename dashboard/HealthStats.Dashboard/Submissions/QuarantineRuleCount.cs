namespace HealthStats.Dashboard.Submissions;

/// <summary>Open quarantined records that broke a validation rule, and the fields (columns) where they broke it.</summary>
public sealed record QuarantineRuleCount(string RuleId, string Description, string Fields, long Open);
