using HealthStats.Dashboard.DrillDown;
using HealthStats.Dashboard.Overview;

namespace HealthStats.Dashboard.Diagnoses;

/// <summary>
/// The two ways the diagnoses page walks the most responsible diagnoses: down ICD-10 (chapter, block,
/// 3-character category, code), or by default inpatient CCSR category (?view=ccsr), then its codes.
/// </summary>
public static class DiagnosisHierarchies
{
    public const string CcsrView = "ccsr";

    private const string Subject = "Discharges by most responsible diagnosis";

    private static readonly CodeLevel Code = new("code", "code", "codes", CodeDisplay.Diagnosis);

    public static readonly CodeHierarchy Icd10 = new("mrdx_discharges", "discharges", Subject,
    [
        new CodeLevel("chapter", "chapter", "chapters"),
        new CodeLevel("block", "block", "blocks"),
        new CodeLevel("category", "category", "3-character categories"),
        Code,
    ]);

    public static readonly CodeHierarchy Ccsr = new("mrdx_discharges", "discharges", Subject,
        [new CodeLevel("ccsr", "CCSR category", "CCSR categories"), Code], CcsrView);

    public static CodeHierarchy For(string? view) => view == CcsrView ? Ccsr : Icd10;
}
