namespace HealthStats.Etl.CodingQuality;

/// <summary>What a reason names besides the feature values: the abstract's codes behind its co-occurrence features.</summary>
internal sealed record AbstractContext(
    string MrdxCode,
    string? ComorbidityCode,
    string? SecondaryCode,
    string? InterventionCode,
    string? WarningRules,
    string CoderId);
