namespace HealthStats.Dashboard.Review;

/// <summary>
/// An abstract as a supervisor audits it: the de-identified fields the warehouse holds (no patient or chart key,
/// no postal area), its codes with their titles, the edits that fired, its score and reasons, and what earlier
/// audits decided about it.
/// </summary>
public sealed record ReviewedAbstract(
    string FacilityId,
    string AbstractId,
    string BatchId,
    string Sex,
    int AgeYears,
    string? ResidenceRegion,
    DateOnly AdmitDate,
    DateOnly DischargeDate,
    int LosDays,
    int AlcDays,
    string AdmitCategory,
    string DischargeDisposition,
    string CoderId,
    IReadOnlyList<CodedLine> Diagnoses,
    IReadOnlyList<CodedLine> Interventions,
    IReadOnlyList<FiredEdit> Edits,
    AbstractScore? Score,
    IReadOnlyList<RecordedOutcome> Outcomes)
{
    public string MrdxCode => Diagnoses.FirstOrDefault(d => d.Type == "M")?.Code ?? "";
}
