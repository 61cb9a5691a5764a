namespace HealthStats.Etl.Ingest;

/// <summary>An abstract that passed validation, typed. Still holds personal data: de-identify before landing.</summary>
public sealed class ValidAbstract
{
    public required long Line { get; init; }
    public required string FacilityId { get; init; }
    public required string AbstractId { get; init; }
    public required bool IsDeletion { get; init; }
    public string? ChartNumber { get; init; }
    public string? HealthCardNumber { get; init; }
    public string? Sex { get; init; }
    public DateOnly BirthDate { get; init; }
    public string? PostalCode { get; init; }
    public string? ResidenceRegion { get; init; }
    public DateOnly AdmitDate { get; init; }
    public TimeOnly? AdmitTime { get; init; }
    public DateOnly DischargeDate { get; init; }
    public TimeOnly? DischargeTime { get; init; }
    public string? AdmitCategory { get; init; }
    public string? DischargeDisposition { get; init; }
    public string? InstitutionFrom { get; init; }
    public string? InstitutionTo { get; init; }
    public int AlcDays { get; init; }
    public string? CoderId { get; init; }
    public DateOnly? AbstractCompletedDate { get; init; }
    public int AgeYears { get; init; }
    public List<ValidDiagnosis> Diagnoses { get; } = [];
    public List<ValidIntervention> Interventions { get; } = [];
}

public sealed record ValidDiagnosis(int Sequence, string Code, string Type, string? Chapter, string? Block);

public sealed record ValidIntervention(int Sequence, string Code, DateOnly Date, string? Chapter, string? Block);
