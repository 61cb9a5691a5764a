namespace HealthStats.Dashboard.Review;

/// <summary>An edit (or validation warning) that fired on the abstract, in the field it names, with the rule's description.</summary>
public sealed record FiredEdit(string RuleId, string Field, string Description);
