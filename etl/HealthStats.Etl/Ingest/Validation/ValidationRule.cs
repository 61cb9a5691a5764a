namespace HealthStats.Etl.Ingest.Validation;

/// <summary>A rule of the validation catalogue: a stable id, its level, severity and what it checks.</summary>
public sealed record ValidationRule(string Id, string Level, Severity Severity, string Description);
