namespace HealthStats.Dashboard.Review;

/// <summary>
/// The error types of the audit outcomes format (formats.md section 3), as the decision form offers them, and the
/// error type each edit stands for, so that the queue can be narrowed to one kind of suspected error.
/// </summary>
public static class ErrorTypeChoices
{
    public static readonly IReadOnlyList<KeyValuePair<string, string>> All =
    [
        new("invalid_code", "Invalid code: not in the classification in force at discharge"),
        new("nonspecific_code", "Non-specific code: a category or header where a more specific code exists"),
        new("sex_conflict", "Sex conflict: a code for the other sex"),
        new("age_conflict", "Age conflict: a newborn, pediatric, maternity or adult code at another age"),
        new("manifestation_as_mrdx", "Manifestation code as the MRDx"),
        new("unacceptable_mrdx", "Unacceptable MRDx"),
        new("mrdx_sequencing", "MRDx sequencing: a comorbidity coded as the MRDx"),
        new("code_substitution", "Code substitution: a valid code of the wrong condition"),
        new("transposition", "Transposition: two characters swapped"),
        new("procedure_mismatch", "Procedure mismatch: an intervention that does not fit the diagnoses"),
        new("duplicate_code", "Duplicate code"),
    ];

    // The validation rules and edits that point at one error type (ValidationRules holds their ids).
    private static readonly Dictionary<string, string> ByEdit = new(StringComparer.Ordinal)
    {
        ["K01"] = "invalid_code",
        ["K02"] = "nonspecific_code",
        ["C05"] = "duplicate_code",
        ["E01"] = "sex_conflict",
        ["E02"] = "age_conflict",
        ["E03"] = "manifestation_as_mrdx",
        ["E04"] = "unacceptable_mrdx",
        // An external cause as the MRDx: the injury belongs first.
        ["E05"] = "mrdx_sequencing",
    };

    public static bool IsKnown(string? id) => id is not null && All.Any(e => e.Key == id);

    /// <summary>The error type an edit that fired suggests, or null for an edit that suggests none.</summary>
    public static string? ForEdit(string ruleId) => ByEdit.GetValueOrDefault(ruleId);
}
