using HealthStats.Warehouse.Build;

namespace HealthStats.Etl.Ingest;

/// <summary>Counts a batch as it streams; the counts reconcile as received = loaded + quarantined.</summary>
internal sealed class BatchCounter
{
    private readonly SortedDictionary<string, int> quarantinedByReason = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> warningsByRule = new(StringComparer.Ordinal);

    public int Received { get; set; }
    public int Loaded { get; set; }
    public int Quarantined { get; private set; }
    public int Warnings { get; private set; }

    public void Quarantine(string ruleId)
    {
        Quarantined++;
        quarantinedByReason[ruleId] = quarantinedByReason.GetValueOrDefault(ruleId) + 1;
    }

    public void Warn(string ruleId)
    {
        Warnings++;
        warningsByRule[ruleId] = warningsByRule.GetValueOrDefault(ruleId) + 1;
    }

    public BatchRecord ToRecord(string batchId, string fileName, string sha256, string format, DateTime startedAt)
    {
        if (Received != Loaded + Quarantined)
            throw new InvalidOperationException($"Batch {batchId} does not reconcile: received {Received}, loaded {Loaded}, quarantined {Quarantined}.");
        return new BatchRecord
        {
            BatchId = batchId,
            FileName = fileName,
            FileSha256 = sha256,
            SourceFormat = format,
            StartedAt = startedAt,
            Received = Received,
            Loaded = Loaded,
            Quarantined = Quarantined,
            Warnings = Warnings,
            QuarantinedByReason = quarantinedByReason,
            WarningsByRule = warningsByRule,
        };
    }
}
