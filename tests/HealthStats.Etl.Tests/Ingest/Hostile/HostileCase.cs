namespace HealthStats.Etl.Tests.Ingest.Hostile;

/// <summary>One bad file of the corpus: its name (which tells its format), how to write it, and what ingest must make of it.</summary>
internal sealed record HostileCase(string Name, string FileName, Action<string> Write, HostileOutcome Expected);
