namespace HealthStats.Etl.Ingest.Csv;

/// <summary>One record of a CSV file: its fields, the line it starts on, and its text as it was in the file.</summary>
internal sealed record CsvRow(long Line, string[] Fields, string RawText);
