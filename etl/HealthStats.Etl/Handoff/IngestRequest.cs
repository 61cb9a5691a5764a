using System.Text.Json.Serialization;

namespace HealthStats.Etl.Handoff;

/// <summary>What the CLI asks a running dashboard to ingest: absolute paths on this machine.</summary>
public sealed record IngestRequest(
    [property: JsonPropertyName("paths")] IReadOnlyList<string> Paths,
    [property: JsonPropertyName("ignore_unknown_columns")] bool IgnoreUnknownColumns = false);

/// <summary>The dashboard's answer: the Hangfire job that does the work.</summary>
public sealed record IngestAccepted([property: JsonPropertyName("job_id")] string JobId);

/// <summary>A job's state; the totals once it has succeeded, the error once it has failed.</summary>
public sealed record IngestJobStatus(
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("totals")] HealthStats.Etl.Ingest.IngestTotals? Totals,
    [property: JsonPropertyName("error")] string? Error);
