namespace HealthStats.Warehouse.Build;

/// <summary>The lake files one batch wrote, by table.</summary>
public sealed record LandedFiles(
    IReadOnlyList<string> Abstracts,
    IReadOnlyList<string> Diagnoses,
    IReadOnlyList<string> Interventions,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Deletions);
