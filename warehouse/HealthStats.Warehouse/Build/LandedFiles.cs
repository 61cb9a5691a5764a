namespace HealthStats.Warehouse.Build;

/// <summary>The lake files one batch wrote, by table, and its quarantine file if any record was rejected.</summary>
public sealed record LandedFiles(
    IReadOnlyList<string> Abstracts,
    IReadOnlyList<string> Diagnoses,
    IReadOnlyList<string> Interventions,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Deletions,
    string? QuarantineFile = null);
