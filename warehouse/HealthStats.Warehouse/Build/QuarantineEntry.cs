using System.Text.Json.Serialization;

namespace HealthStats.Warehouse.Build;

/// <summary>Where a quarantined record was and why: no content of the record.</summary>
public sealed record QuarantineEntry(
    [property: JsonPropertyName("batch_id")] string BatchId,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("line")] long Line,
    [property: JsonPropertyName("facility_id")] string? FacilityId,
    [property: JsonPropertyName("abstract_id")] string? AbstractId,
    [property: JsonPropertyName("rule")] string RuleId,
    [property: JsonPropertyName("field")] string Field,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("cleared_by_batch")] string? ClearedByBatch);
