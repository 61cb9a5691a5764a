namespace HealthStats.Etl.Ingest;

/// <summary>
/// One abstract as it arrived, every value still text, whatever the input format. It holds personal
/// health information and never leaves the ingest step, except into quarantine.
/// </summary>
public sealed class RawAbstract
{
    public required long Line { get; init; }

    /// <summary>The record as it was in the file, kept for quarantine so that a facility can correct it.</summary>
    public required string RawText { get; init; }

    /// <summary>Set when the record could not be split into the layout's fields (the first such problem).</summary>
    public string? StructureError { get; set; }

    public string? FacilityId { get; set; }
    public string? AbstractId { get; set; }
    public string? Action { get; set; }
    public string? ChartNumber { get; set; }
    public string? HealthCardNumber { get; set; }
    public string? Sex { get; set; }
    public string? BirthDate { get; set; }
    public string? PostalCode { get; set; }
    public string? ResidenceRegion { get; set; }
    public string? AdmitDate { get; set; }
    public string? AdmitTime { get; set; }
    public string? DischargeDate { get; set; }
    public string? DischargeTime { get; set; }
    public string? AdmitCategory { get; set; }
    public string? DischargeDisposition { get; set; }
    public string? InstitutionFrom { get; set; }
    public string? InstitutionTo { get; set; }
    public string? AlcDays { get; set; }
    public string? CoderId { get; set; }
    public string? AbstractCompletedDate { get; set; }

    /// <summary>Diagnosis slots in file order: (code, type), either possibly empty.</summary>
    public List<(string? Code, string? Type)> Diagnoses { get; } = new(AbstractColumns.MaxDiagnoses);

    /// <summary>Intervention slots in file order: (code, date), either possibly empty.</summary>
    public List<(string? Code, string? Date)> Interventions { get; } = new(4);
}
