using HealthStats.Warehouse.Classification;

namespace HealthStats.Warehouse.CodeEdits;

/// <summary>
/// The names of the edit types in the site CSV layout and in reference.code_edits.edit_type, and the CMS MCE
/// edit types (MCE_Edit_Type of the MCE simple code edits layout) they are read from.
/// </summary>
internal static class CodeEditTypeNames
{
    /// <summary>Each single edit type: its stored name, the MCE edit type and section, and the code kinds it may list.</summary>
    public static IReadOnlyList<CodeEditTypeInfo> All { get; } =
    [
        new(CodeEditTypes.NewbornOnly, "newborn_only", "Newborn_Only", "4A", DiagnosisOnly: true),
        new(CodeEditTypes.PediatricOnly, "pediatric_only", "Pediatric_Only", "4B", DiagnosisOnly: true),
        new(CodeEditTypes.MaternityOnly, "maternity_only", "Maternity_Only", "4C", DiagnosisOnly: true),
        new(CodeEditTypes.AdultOnly, "adult_only", "Adult_Only", "4D", DiagnosisOnly: true),
        new(CodeEditTypes.FemaleOnly, "female_only", "Female_Only", "5A, 5B", DiagnosisOnly: false),
        new(CodeEditTypes.MaleOnly, "male_only", "Male_Only", "5C, 5D", DiagnosisOnly: false),
        new(CodeEditTypes.Manifestation, "manifestation", "Principal_Manifestation", "6", DiagnosisOnly: true),
        new(CodeEditTypes.QuestionableAdmission, "questionable_admission", "Principal_Questionable_Admit", "8A", DiagnosisOnly: true),
        new(CodeEditTypes.UnacceptableMrdx, "unacceptable_mrdx", "Principal_Unacceptable", "9", DiagnosisOnly: true),
    ];

    /// <summary>
    /// MCE edit types HealthStats reads past: Medicare coverage (sections 11, 17, 19) and "wrong procedure performed"
    /// (18) say whether Medicare pays, not whether the coding is right.
    /// </summary>
    public static IReadOnlySet<string> SkippedMce { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Noncovered_Always", "Noncovered_Over60", "Limited_Coverage", "Wrong_Performed", "Noncovered_LOS_96hr",
    };

    public static string ToName(this CodeEditTypes type) => Info(type).Name;

    public static CodeEditTypeInfo Info(CodeEditTypes type)
    {
        foreach (var info in All)
        {
            if (info.Type == type)
                return info;
        }
        throw new ArgumentOutOfRangeException(nameof(type), type, "Not a single edit type.");
    }

    public static CodeEditTypeInfo? FindByName(string name)
    {
        foreach (var info in All)
        {
            if (string.Equals(info.Name, name, StringComparison.OrdinalIgnoreCase))
                return info;
        }
        return null;
    }

    public static CodeEditTypeInfo? FindByMce(string mceEditType)
    {
        foreach (var info in All)
        {
            if (string.Equals(info.MceEditType, mceEditType, StringComparison.OrdinalIgnoreCase))
                return info;
        }
        return null;
    }

    /// <summary>Whether the edit type may list codes of that kind (age and MRDx edits list diagnoses only).</summary>
    public static bool Allows(this CodeEditTypeInfo info, ClassificationKind kind) => kind == ClassificationKind.Diagnosis || !info.DiagnosisOnly;
}
