namespace HealthStats.Etl.Ingest;

/// <summary>
/// The file cannot be read as abstracts at all, in whatever format (as opposed to one bad record,
/// which is quarantined). The message names the file and the line, never a value from it.
/// </summary>
public class AbstractFormatException(string file, long line, string message)
    : FormatException($"{file}, line {line}: {message}")
{
    public string File { get; } = file;

    public long Line { get; } = line;
}
