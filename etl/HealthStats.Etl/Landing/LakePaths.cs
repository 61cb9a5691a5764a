namespace HealthStats.Etl.Landing;

/// <summary>
/// Where a batch's files go in the lake: lake/TABLE/fiscal_year=YYYY/batch-ID.parquet (hive
/// partitioning, readable as it is by DuckDB, Spark or Trino), and unpartitioned tables beside them.
/// </summary>
public static class LakePaths
{
    public const string Abstracts = "abstracts";
    public const string Diagnoses = "diagnoses";
    public const string Interventions = "interventions";
    public const string Warnings = "warnings";
    public const string Deletions = "deletions";

    public static string Partitioned(string lake, string table, int fiscalYear, string batchId) =>
        Path.Combine(lake, table, $"fiscal_year={fiscalYear}", $"batch-{batchId}.parquet");

    public static string Unpartitioned(string lake, string table, string batchId) =>
        Path.Combine(lake, table, $"batch-{batchId}.parquet");
}
