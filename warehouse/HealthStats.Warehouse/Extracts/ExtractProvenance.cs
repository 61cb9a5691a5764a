namespace HealthStats.Warehouse.Extracts;

/// <summary>
/// Where an extract's numbers come from, for its manifest: the warehouse's last batch (its completion
/// time is the extract's only timestamp, so the same data gives the same files), the classification
/// versions held, and the software's version.
/// </summary>
public sealed record ExtractProvenance(
    string? LastBatchId,
    DateTime? LastBatchCompletedAt,
    IReadOnlyList<string> ClassificationVersions,
    string SoftwareVersion);
