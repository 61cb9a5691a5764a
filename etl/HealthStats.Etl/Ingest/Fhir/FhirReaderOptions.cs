namespace HealthStats.Etl.Ingest.Fhir;

/// <summary>How FHIR bundles are mapped to abstracts where a sender may differ from the defaults (README.md in this folder).</summary>
public sealed record FhirReaderOptions
{
    /// <summary>The extension on Encounter.diagnosis that holds the DAD diagnosis type (M, 1, 2, 3, W, X, Y, 9, 0).</summary>
    public string DiagnosisTypeExtension { get; init; } = FhirNames.DiagnosisTypeExtension;

    /// <summary>The coding system preferred among a Condition's codings.</summary>
    public string DiagnosisSystem { get; init; } = FhirNames.Icd10Cm;

    /// <summary>The coding system preferred among a Procedure's codings.</summary>
    public string InterventionSystem { get; init; } = FhirNames.Icd10Pcs;

    /// <summary>
    /// The largest single-bundle file (characters of JSON, after decompression) that is read: such a
    /// file is held whole in memory, unlike NDJSON, which streams.
    /// </summary>
    public long MaxSingleBundleChars { get; init; } = 256L * 1024 * 1024;
}
