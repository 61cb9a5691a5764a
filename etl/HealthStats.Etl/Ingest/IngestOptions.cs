namespace HealthStats.Etl.Ingest;

public sealed record IngestOptions
{
    /// <summary>Read files whose header has columns the layout does not know (normally an error: a wrong file).</summary>
    public bool IgnoreUnknownColumns { get; init; }

    /// <summary>Rows read so far, reported now and then for a progress display.</summary>
    public IProgress<long>? Progress { get; init; }
}
