using HealthStats.Dashboard.Overview;
using HealthStats.Warehouse.Classification;

namespace HealthStats.Dashboard.Classifications;

/// <summary>Codes as people read them: diagnoses with the dot after the category, ICD-10-PCS codes as stored (they have no dot).</summary>
public static class CodeFormat
{
    public static string Display(ClassificationKind kind, string code) =>
        kind == ClassificationKind.Diagnosis ? CodeDisplay.Diagnosis(code) : code;
}
