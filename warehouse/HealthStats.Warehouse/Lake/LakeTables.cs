namespace HealthStats.Warehouse.Lake;

/// <summary>The lake's folders: tables partitioned by fiscal year, and the unpartitioned deletions.</summary>
public static class LakeTables
{
    public const string Abstracts = "abstracts";
    public const string Diagnoses = "diagnoses";
    public const string Interventions = "interventions";
    public const string Warnings = "warnings";

    public static readonly IReadOnlyList<string> Partitioned = [Abstracts, Diagnoses, Interventions, Warnings];

    public const string Deletions = "deletions";

    /// <summary>A landed batch's file: batch-ID.parquet.</summary>
    public const string BatchFilePrefix = "batch-";

    /// <summary>A file that compaction made from several committed batch files.</summary>
    public const string CompactedFilePrefix = "compacted-";
}
