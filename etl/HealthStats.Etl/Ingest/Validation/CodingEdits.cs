using HealthStats.Warehouse.Classification;
using HealthStats.Warehouse.CodeEdits;
using static HealthStats.Etl.Ingest.AbstractColumns;

namespace HealthStats.Etl.Ingest.Validation;

/// <summary>
/// The deterministic coding edits E01 to E06 on an abstract's typed codes, after CMS's Medicare Code Editor: one
/// hash lookup per code in the edit table in force at discharge, and nothing allocated unless an edit fires.
/// </summary>
internal static class CodingEdits
{
    /// <summary>MCE's age ranges (section 4), in completed years at admission.</summary>
    private const int PediatricMaxAge = 17;
    private const int MaternityMinAge = 12;
    private const int MaternityMaxAge = 55;
    private const int AdultMinAge = 15;

    /// <param name="sex">The patient's sex code; edits of sex run for M and F only (O and U conflict with nothing).</param>
    /// <param name="age">Age at admission, or null when it is not known (then age edits do not run).</param>
    public static void Run(CodeEditTable table, string? sex, int? age, List<ValidDiagnosis> diagnoses, List<ValidIntervention> interventions,
        List<ValidationIssue> issues)
    {
        for (var i = 0; i < diagnoses.Count; i++)
        {
            var dx = diagnoses[i];
            var isMrdx = dx.Type == "M";
            if (isMrdx && dx.Code.Length > 0 && dx.Code[0] is 'V' or 'W' or 'X' or 'Y')
            {
                issues.Add(new(ValidationRules.ExternalCauseAsMrdx, DiagnosisCode(dx.Sequence),
                    $"{Display(dx.Code)} is an external cause of injury (chapter 20, V00-Y99): it says how the injury happened and cannot be the " +
                    "most responsible diagnosis; code the injury as type M and the external cause as type 9"));
            }
            var types = table.Find(ClassificationKind.Diagnosis, dx.Code);
            if (types == CodeEditTypes.None)
                continue;
            // The field name is made only when an edit fires: most listed codes (maternity codes in a delivery) fire none.
            Sex(table, types, ClassificationKind.Diagnosis, dx.Code, dx.Sequence, sex, issues);
            if ((types & CodeEditTypes.AgeEdits) != 0 && age is { } years)
                Age(table, types, dx.Code, dx.Sequence, years, issues);
            if (isMrdx && (types & CodeEditTypes.MrdxEdits) != 0)
                Mrdx(table, types, dx.Code, DiagnosisCode(dx.Sequence), issues);
        }
        for (var i = 0; i < interventions.Count; i++)
        {
            var px = interventions[i];
            var types = table.Find(ClassificationKind.Intervention, px.Code);
            if (types != CodeEditTypes.None)
                Sex(table, types, ClassificationKind.Intervention, px.Code, px.Sequence, sex, issues);
        }
    }

    /// <summary>A diagnosis code as coders write it (J18.9: a dot after the category); other codes as stored.</summary>
    public static string Display(string code) => code.Length > 3 && char.IsAsciiLetter(code[0]) ? $"{code[..3]}.{code[3..]}" : code;

    private static void Sex(CodeEditTable table, CodeEditTypes types, ClassificationKind kind, string code, int sequence, string? sex,
        List<ValidationIssue> issues)
    {
        var conflict = sex switch
        {
            "M" when (types & CodeEditTypes.FemaleOnly) != 0 => CodeEditTypes.FemaleOnly,
            "F" when (types & CodeEditTypes.MaleOnly) != 0 => CodeEditTypes.MaleOnly,
            _ => CodeEditTypes.None,
        };
        if (conflict == CodeEditTypes.None)
            return;
        var what = kind == ClassificationKind.Diagnosis ? $"{Display(code)} is a diagnosis" : $"{code} is an intervention";
        var forSex = conflict == CodeEditTypes.FemaleOnly ? "females" : "males";
        var field = kind == ClassificationKind.Diagnosis ? DiagnosisCode(sequence) : InterventionCode(sequence);
        issues.Add(new(ValidationRules.SexConflict, field,
            $"{what} for {forSex} only; the patient is {sex} (edit table {table.VersionOf(conflict)})"));
    }

    private static void Age(CodeEditTable table, CodeEditTypes types, string code, int sequence, int age, List<ValidationIssue> issues)
    {
        var (conflict, range) =
            (types & CodeEditTypes.NewbornOnly) != 0 && age != 0 ? (CodeEditTypes.NewbornOnly, "a newborn diagnosis (age 0)")
            : (types & CodeEditTypes.PediatricOnly) != 0 && age > PediatricMaxAge ? (CodeEditTypes.PediatricOnly, $"a pediatric diagnosis (ages 0 to {PediatricMaxAge})")
            : (types & CodeEditTypes.MaternityOnly) != 0 && age is < MaternityMinAge or > MaternityMaxAge ? (CodeEditTypes.MaternityOnly, $"a maternity diagnosis (ages {MaternityMinAge} to {MaternityMaxAge})")
            : (types & CodeEditTypes.AdultOnly) != 0 && age < AdultMinAge ? (CodeEditTypes.AdultOnly, $"an adult diagnosis (ages {AdultMinAge} to 124)")
            : (CodeEditTypes.None, "");
        if (conflict == CodeEditTypes.None)
            return;
        issues.Add(new(ValidationRules.AgeConflict, DiagnosisCode(sequence),
            $"{Display(code)} is {range}; the patient is {age} at admission (edit table {table.VersionOf(conflict)})"));
    }

    private static void Mrdx(CodeEditTable table, CodeEditTypes types, string code, string field, List<ValidationIssue> issues)
    {
        if ((types & CodeEditTypes.Manifestation) != 0)
        {
            issues.Add(new(ValidationRules.ManifestationAsMrdx, field,
                $"{Display(code)} is a manifestation of an underlying disease and cannot be the most responsible diagnosis; code the underlying " +
                $"condition as type M and {Display(code)} after it (edit table {table.VersionOf(CodeEditTypes.Manifestation)})"));
        }
        if ((types & CodeEditTypes.UnacceptableMrdx) != 0)
        {
            issues.Add(new(ValidationRules.UnacceptableMrdx, field,
                $"{Display(code)} is not acceptable as the most responsible diagnosis: it does not say why the patient was treated; code the " +
                $"condition treated as type M (edit table {table.VersionOf(CodeEditTypes.UnacceptableMrdx)})"));
        }
        if ((types & CodeEditTypes.QuestionableAdmission) != 0)
        {
            issues.Add(new(ValidationRules.QuestionableAdmission, field,
                $"{Display(code)} as the most responsible diagnosis is a questionable reason for an inpatient admission; check whether another " +
                $"condition was the reason for the stay (edit table {table.VersionOf(CodeEditTypes.QuestionableAdmission)})"));
        }
    }
}
