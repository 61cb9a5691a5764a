namespace HealthStats.Etl.Ingest;

/// <summary>The columns of the abstracts layout (formats.md section 1).</summary>
public static class AbstractColumns
{
    public const int MaxDiagnoses = 25;
    public const int MaxInterventions = 20;

    public const string FacilityId = "facility_id";
    public const string AbstractId = "abstract_id";
    public const string Action = "action";
    public const string ChartNumber = "chart_number";
    public const string HealthCardNumber = "health_card_number";
    public const string Sex = "sex";
    public const string BirthDate = "birth_date";
    public const string PostalCode = "postal_code";
    public const string ResidenceRegion = "residence_region";
    public const string AdmitDate = "admit_date";
    public const string AdmitTime = "admit_time";
    public const string DischargeDate = "discharge_date";
    public const string DischargeTime = "discharge_time";
    public const string AdmitCategory = "admit_category";
    public const string DischargeDisposition = "discharge_disposition";
    public const string InstitutionFrom = "institution_from";
    public const string InstitutionTo = "institution_to";
    public const string AlcDays = "alc_days";
    public const string CoderId = "coder_id";
    public const string AbstractCompletedDate = "abstract_completed_date";

    public static readonly IReadOnlyList<string> Scalars =
    [
        FacilityId, AbstractId, Action, ChartNumber, HealthCardNumber, Sex, BirthDate, PostalCode,
        ResidenceRegion, AdmitDate, AdmitTime, DischargeDate, DischargeTime, AdmitCategory,
        DischargeDisposition, InstitutionFrom, InstitutionTo, AlcDays, CoderId, AbstractCompletedDate,
    ];

    /// <summary>Columns a file must carry (dx_1_code and dx_1_type among them).</summary>
    public static readonly IReadOnlyList<string> Required =
    [
        FacilityId, AbstractId, ChartNumber, Sex, BirthDate, AdmitDate, DischargeDate, AdmitCategory,
        DischargeDisposition, CoderId, DiagnosisCode(1), DiagnosisType(1),
    ];

    public static string DiagnosisCode(int n) => $"dx_{n}_code";

    public static string DiagnosisType(int n) => $"dx_{n}_type";

    public static string InterventionCode(int n) => $"px_{n}_code";

    public static string InterventionDate(int n) => $"px_{n}_date";

    /// <summary>Every column name the layout knows, in the canonical order.</summary>
    public static IEnumerable<string> All()
    {
        foreach (var name in Scalars)
            yield return name;
        for (var n = 1; n <= MaxDiagnoses; n++)
        {
            yield return DiagnosisCode(n);
            yield return DiagnosisType(n);
        }
        for (var n = 1; n <= MaxInterventions; n++)
        {
            yield return InterventionCode(n);
            yield return InterventionDate(n);
        }
    }
}
