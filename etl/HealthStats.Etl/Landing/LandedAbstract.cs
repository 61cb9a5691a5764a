namespace HealthStats.Etl.Landing;

/// <summary>
/// An abstract as it may leave the ingest step: pseudonymised keys instead of chart and health card
/// numbers, age and age group instead of the birth date, the FSA instead of the postal code.
/// </summary>
public sealed record LandedAbstract
{
    public required long SourceLine { get; init; }
    public required string FacilityId { get; init; }
    public required string AbstractId { get; init; }
    public required string PatientKey { get; init; }
    public required string ChartKey { get; init; }
    public required string Sex { get; init; }
    public required int AgeYears { get; init; }
    public required string AgeGroup { get; init; }
    public string? Fsa { get; init; }
    public string? ResidenceRegion { get; init; }
    public required DateOnly AdmitDate { get; init; }
    public string? AdmitTime { get; init; }
    public required DateOnly DischargeDate { get; init; }
    public string? DischargeTime { get; init; }
    public required int LosDays { get; init; }
    public required int FiscalYear { get; init; }
    public required string AdmitCategory { get; init; }
    public required string DischargeDisposition { get; init; }
    public string? InstitutionFrom { get; init; }
    public string? InstitutionTo { get; init; }
    public required int AlcDays { get; init; }
    public required string CoderId { get; init; }
    public DateOnly? AbstractCompletedDate { get; init; }
    public required string MrdxCode { get; init; }
    public string? MrdxChapter { get; init; }
    public string? MrdxBlock { get; init; }
}
