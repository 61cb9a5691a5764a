namespace HealthStats.Etl.Ingest.Csv;

/// <summary>The file cannot be read as CSV at all (as opposed to one bad record, which is quarantined).</summary>
public sealed class CsvFormatException(string file, long line, string message) : AbstractFormatException(file, line, message);
