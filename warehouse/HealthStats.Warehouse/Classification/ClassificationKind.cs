namespace HealthStats.Warehouse.Classification;

/// <summary>What a classification codes: diagnoses (ICD-10-CM, ICD-10-CA) or interventions (ICD-10-PCS, CCI).</summary>
public enum ClassificationKind
{
    Diagnosis,
    Intervention,
}
