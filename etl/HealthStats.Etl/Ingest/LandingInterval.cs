namespace HealthStats.Etl.Ingest;

/// <summary>When a file's records were validated and written to the lake (UTC): what several workers do at once.</summary>
public sealed record LandingInterval(string File, string BatchId, DateTime StartedAt, DateTime EndedAt);
