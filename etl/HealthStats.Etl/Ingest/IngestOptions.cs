using HealthStats.Etl.Ingest.Fhir;

namespace HealthStats.Etl.Ingest;

public sealed record IngestOptions
{
    /// <summary>Read files whose header has columns the layout does not know (normally an error: a wrong file).</summary>
    public bool IgnoreUnknownColumns { get; init; }

    /// <summary>How FHIR bundles map to abstracts (extension and coding systems, the largest single bundle read whole).</summary>
    public FhirReaderOptions Fhir { get; init; } = new();

    /// <summary>
    /// Score the abstracts of each loaded batch for miscoding (coding.scores) once the batch is committed,
    /// with the current models; skipped when there is none yet (healthstats train or flag makes one).
    /// </summary>
    public bool ScoreAfterBatch { get; init; } = true;

    /// <summary>
    /// When there is no model yet, scoring after a batch first trains the anomaly model once the warehouse holds
    /// this many current abstracts, so that a new site's review queue fills without a command; fewer are too few to
    /// say what is unusual. Null: never (healthstats train or flag makes the first model).
    /// </summary>
    public long? FirstAnomalyModelAt { get; init; } = 1_000;

    /// <summary>Told when each file's landing ends, with its start: a worker logs it (several workers land at once).</summary>
    public Action<LandingInterval>? Landed { get; init; }

    /// <summary>Told each model the batch built or updated, and how long it took: bench ingest reports them.</summary>
    public Action<string, TimeSpan>? ModelBuilt { get; init; }

    /// <summary>How far reading has got, reported now and then for a progress display.</summary>
    public IProgress<IngestProgress>? Progress { get; init; }
}

/// <summary>Records read so far, and the share of the file's bytes read (0 to 1).</summary>
public sealed record IngestProgress(string File, long Records, double Fraction);
