namespace HealthStats.Etl.Ingest.Validation;

/// <summary>
/// The catalogue of validation rules. Ids are stable: they appear in quarantine files, summaries and
/// the facility's correction report, so a rule is never renumbered.
/// </summary>
public static class ValidationRules
{
    public static readonly ValidationRule Malformed = new("S01", "structure", Severity.Error,
        "The record cannot be split into the file's columns (unbalanced quotes or a wrong number of fields).");
    public static readonly ValidationRule RequiredMissing = new("S02", "structure", Severity.Error,
        "A required field is empty.");
    public static readonly ValidationRule InvalidDate = new("S03", "structure", Severity.Error,
        "A date is not a real calendar date written as yyyy-MM-dd.");
    public static readonly ValidationRule InvalidTime = new("S04", "structure", Severity.Error,
        "A time is not written as HH:mm (24 hours).");
    public static readonly ValidationRule NotInCodeList = new("S05", "structure", Severity.Error,
        "A coded field holds a value that is not in its code list (sex, admit category, disposition, diagnosis type, action).");
    public static readonly ValidationRule TooLong = new("S06", "structure", Severity.Error,
        "A field is longer than the layout allows.");
    public static readonly ValidationRule InvalidNumber = new("S07", "structure", Severity.Error,
        "A number is not a whole number within its range.");
    public static readonly ValidationRule IncompletePair = new("S08", "structure", Severity.Error,
        "A diagnosis code has no type (or a type no code), or an intervention code has no date (or a date no code).");

    public static readonly ValidationRule DischargeBeforeAdmit = new("C01", "consistency", Severity.Error,
        "The discharge is before the admission.");
    public static readonly ValidationRule BirthAfterAdmit = new("C02", "consistency", Severity.Error,
        "The birth date is after the admission date.");
    public static readonly ValidationRule AgeOutOfRange = new("C03", "consistency", Severity.Error,
        "The age at admission is not between 0 and 124 years.");
    public static readonly ValidationRule MrdxCount = new("C04", "consistency", Severity.Error,
        "The abstract does not have exactly one most responsible diagnosis (type M).");
    public static readonly ValidationRule DuplicateCode = new("C05", "consistency", Severity.Error,
        "The same diagnosis or intervention code appears twice in the abstract.");
    public static readonly ValidationRule NewbornCategoryAge = new("C06", "consistency", Severity.Error,
        "Admit category N (newborn) is used for a patient older than 0 years.");
    public static readonly ValidationRule InterventionOutsideStay = new("C07", "consistency", Severity.Error,
        "An intervention is dated outside the stay.");
    public static readonly ValidationRule DuplicateKey = new("C09", "consistency", Severity.Error,
        "The same facility and abstract id appear twice in one file: which one is meant cannot be told.");
    public static readonly ValidationRule StayAfterDeath = new("C10", "consistency", Severity.Error,
        "The patient is admitted after a stay that ended in their death (admit category R, cadaveric donor, excepted).");
    public static readonly ValidationRule AlcExceedsStay = new("C08", "consistency", Severity.Error,
        "Alternate level of care days exceed the length of stay.");

    public static readonly ValidationRule CodeNotInClassification = new("K01", "classification", Severity.Error,
        "A code does not exist in the classification in force at discharge.");
    public static readonly ValidationRule CodeNotBillable = new("K02", "classification", Severity.Warning,
        "A code is a category or header: the classification has more specific codes.");

    // The coding edits, after CMS's Medicare Code Editor (MCE) and CIHI's submission edits. They are warnings: the
    // abstract loads and the edit is recorded against it (lake warnings, core.warning_versions), where coding-quality
    // review and the miscoding model read them by id. K01, K02, C04 and C05 above belong to the same catalogue.
    public static readonly ValidationRule SexConflict = new("E01", "edit", Severity.Warning,
        "A diagnosis or intervention is for the other sex than the patient's (MCE section 5).");
    public static readonly ValidationRule AgeConflict = new("E02", "edit", Severity.Warning,
        "A diagnosis is for an age the patient is not: newborn (age 0), pediatric (0 to 17), maternity (12 to 55) or adult (15 to 124) (MCE section 4).");
    public static readonly ValidationRule ManifestationAsMrdx = new("E03", "edit", Severity.Warning,
        "The most responsible diagnosis is a manifestation code: the underlying condition must be coded as the MRDx (MCE section 6).");
    public static readonly ValidationRule UnacceptableMrdx = new("E04", "edit", Severity.Warning,
        "The most responsible diagnosis is a code not acceptable as one (a status, history or supplementary code) (MCE section 9).");
    public static readonly ValidationRule ExternalCauseAsMrdx = new("E05", "edit", Severity.Warning,
        "The most responsible diagnosis is an external cause of injury (ICD-10 chapter 20, V00-Y99) (MCE section 2).");
    public static readonly ValidationRule QuestionableAdmission = new("E06", "edit", Severity.Warning,
        "The most responsible diagnosis alone is a questionable reason for an inpatient admission (MCE section 8).");

    public static IReadOnlyList<ValidationRule> All { get; } =
    [
        Malformed, RequiredMissing, InvalidDate, InvalidTime, NotInCodeList, TooLong, InvalidNumber, IncompletePair,
        DischargeBeforeAdmit, BirthAfterAdmit, AgeOutOfRange, MrdxCount, DuplicateCode, NewbornCategoryAge,
        InterventionOutsideStay, AlcExceedsStay, DuplicateKey, StayAfterDeath, CodeNotInClassification, CodeNotBillable,
        SexConflict, AgeConflict, ManifestationAsMrdx, UnacceptableMrdx, ExternalCauseAsMrdx, QuestionableAdmission,
    ];
}
