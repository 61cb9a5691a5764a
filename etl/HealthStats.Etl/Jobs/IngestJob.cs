using HealthStats.Etl.Ingest;

namespace HealthStats.Etl.Jobs;

/// <summary>
/// Ingests files in the process that owns the warehouse. Its arguments are file paths, never
/// personal data (the Hangfire dashboard shows arguments), and it is safe to run twice: a file
/// already loaded is recognised by its hash and changes nothing.
/// </summary>
public sealed class IngestJob(IngestService ingest)
{
    public Task<IngestTotals> RunAsync(IReadOnlyList<string> paths, bool ignoreUnknownColumns, CancellationToken cancellationToken) =>
        ingest.IngestFilesAsync(paths, new IngestOptions { IgnoreUnknownColumns = ignoreUnknownColumns }, cancellationToken);
}
