namespace HealthStats.Etl.Ingest;

/// <summary>
/// The file cannot be read as abstracts at all, in whatever format (as opposed to one bad record,
/// which is quarantined). The message names the file and the line (when the problem has one: line 0
/// means the whole file), never a value from it.
/// </summary>
public class AbstractFormatException(string file, long line, string message)
    : FormatException(line > 0 ? $"{file}, line {line}: {message}" : $"{file}: {message}")
{
    public string File { get; } = file;

    public long Line { get; } = line;
}
