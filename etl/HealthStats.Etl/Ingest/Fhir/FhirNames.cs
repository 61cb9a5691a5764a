namespace HealthStats.Etl.Ingest.Fhir;

/// <summary>
/// The URLs and systems of the FHIR mapping (README.md in this folder), shared by the reader and the
/// generator's writer so that the two cannot drift apart. The HealthStats ones are ours: the base is a
/// reserved example domain because the definitions are published with the code, not on a server.
/// </summary>
internal static class FhirNames
{
    public const string Base = "https://fhir.healthstats.example";

    public const string DiagnosisTypeExtension = Base + "/StructureDefinition/diagnosis-type";
    public const string AdmitCategoryExtension = Base + "/StructureDefinition/admit-category";
    public const string ResidenceRegionExtension = Base + "/StructureDefinition/residence-region";
    public const string AlcDaysExtension = Base + "/StructureDefinition/alc-days";
    public const string CoderIdExtension = Base + "/StructureDefinition/coder-id";
    public const string AbstractCompletedDateExtension = Base + "/StructureDefinition/abstract-completed-date";
    public const string ActionExtension = Base + "/StructureDefinition/abstract-action";

    public const string AdmitCategorySystem = Base + "/CodeSystem/admit-category";
    public const string DischargeDispositionSystem = Base + "/CodeSystem/discharge-disposition";
    public const string FacilitySystem = Base + "/sid/facility";
    public const string AbstractIdSystem = Base + "/sid/abstract-id";
    public const string ChartNumberSystem = Base + "/sid/chart-number";
    public const string HealthCardSystem = Base + "/sid/health-card";

    public const string IdentifierTypeSystem = "http://terminology.hl7.org/CodeSystem/v2-0203";
    public const string MedicalRecordNumber = "MR";
    public const string JurisdictionalHealthNumber = "JHN";
    public const string DiagnosisRoleSystem = "http://terminology.hl7.org/CodeSystem/diagnosis-role";
    public const string ActCodeSystem = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    public const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
    public const string Icd10Pcs = "http://www.cms.gov/Medicare/Coding/ICD10";
}
