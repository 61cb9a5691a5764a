using HealthStats.Warehouse.Suppression;

namespace HealthStats.Warehouse.Extracts;

/// <summary>
/// An extract computed, suppressed and audited, not yet written: what the CLI, a scheduled job, the API
/// and the publication view all start from. Publication is exactly what its files release.
/// </summary>
public sealed record BuiltExtract(
    ExtractSpec Spec,
    SuppressionPolicy Policy,
    IReadOnlyList<ExtractTable> Tables,
    SuppressedTables Suppressed,
    Publication Publication,
    AuditReport Audit,
    ExtractProvenance Provenance);
