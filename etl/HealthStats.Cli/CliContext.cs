using HealthStats.Warehouse.Storage;

namespace HealthStats.Cli;

/// <summary>What every command gets: its arguments, the output streams and the data directory.</summary>
internal sealed class CliContext(CommandLine line, TextWriter stdout, TextWriter stderr)
{
    private HealthStats.Etl.ApiTokens.IExtractEvents? extractEvents;

    public CommandLine Line { get; } = line;

    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;

    /// <summary>--data, else HealthStats__DataDirectory (the dashboard's setting), else ./data.</summary>
    public DataDirectory Data { get; } = new(
        line.Value("data")
        ?? Environment.GetEnvironmentVariable("HealthStats__DataDirectory")
        ?? Environment.GetEnvironmentVariable("HEALTHSTATS_DATA")
        ?? "data");

    /// <summary>Where token events go: the data directory's audit log, opened when first reported to.</summary>
    public HealthStats.Etl.ApiTokens.IExtractEvents ExtractEvents
    {
        get => extractEvents ??= new HealthStats.Etl.Audit.AuditExtractEvents(HealthStats.Etl.Audit.AuditLog.Open(Data));
        init => extractEvents = value;
    }

    /// <summary>The data directory's warehouse, with DuckDB's memory_limit from HealthStats__DuckDbMemoryLimit (as the dashboard reads it).</summary>
    public WarehouseDatabase Warehouse() =>
        new(Data, Environment.GetEnvironmentVariable("HealthStats__DuckDbMemoryLimit"));
}
