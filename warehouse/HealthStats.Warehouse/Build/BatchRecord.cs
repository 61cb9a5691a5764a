namespace HealthStats.Warehouse.Build;

/// <summary>What the warehouse keeps about one batch: lineage and the counts that reconcile it.</summary>
public sealed record BatchRecord
{
    public required string BatchId { get; init; }
    public int BatchSeq { get; init; }
    public required string FileName { get; init; }
    public required string FileSha256 { get; init; }
    public required string SourceFormat { get; init; }
    public required DateTime StartedAt { get; init; }
    public DateTime CompletedAt { get; init; }
    public required int Received { get; init; }
    public required int Loaded { get; init; }
    public int Replaced { get; init; }
    public int Deleted { get; init; }
    public required int Quarantined { get; init; }
    public required int Warnings { get; init; }
    public int QuarantineCleared { get; init; }
    public required IReadOnlyDictionary<string, int> QuarantinedByReason { get; init; }
    public required IReadOnlyDictionary<string, int> WarningsByRule { get; init; }
}
