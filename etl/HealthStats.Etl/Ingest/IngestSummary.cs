using System.Text.Json.Serialization;

namespace HealthStats.Etl.Ingest;

/// <summary>What happened to one file: the counts reconcile as received = loaded + quarantined.</summary>
public sealed record IngestSummary
{
    [JsonPropertyName("file")] public required string File { get; init; }
    [JsonPropertyName("batch_id")] public required string BatchId { get; init; }

    /// <summary>loaded, or already_loaded when the same file (by SHA-256) was ingested before and nothing changed.</summary>
    [JsonPropertyName("status")] public required string Status { get; init; }
    [JsonPropertyName("received")] public int Received { get; init; }
    [JsonPropertyName("loaded")] public int Loaded { get; init; }
    [JsonPropertyName("replaced")] public int Replaced { get; init; }
    [JsonPropertyName("deleted")] public int Deleted { get; init; }
    [JsonPropertyName("quarantined")] public int Quarantined { get; init; }
    [JsonPropertyName("warnings")] public int Warnings { get; init; }

    /// <summary>Records quarantined in earlier batches that this file corrected (same facility and abstract id).</summary>
    [JsonPropertyName("quarantine_cleared")] public int QuarantineCleared { get; init; }
    [JsonPropertyName("quarantined_by_reason")] public IReadOnlyDictionary<string, int> QuarantinedByReason { get; init; } = new SortedDictionary<string, int>();
    [JsonPropertyName("warnings_by_rule")] public IReadOnlyDictionary<string, int> WarningsByRule { get; init; } = new SortedDictionary<string, int>();
    [JsonPropertyName("seconds")] public double Seconds { get; init; }

    /// <summary>Of those: hashing, reading, validating, de-identifying and writing Parquet.</summary>
    [JsonPropertyName("land_seconds")] public double LandSeconds { get; init; }

    /// <summary>Of those: loading the batch into DuckDB and rebuilding the marts, published in one transaction.</summary>
    [JsonPropertyName("warehouse_seconds")] public double WarehouseSeconds { get; init; }
}
