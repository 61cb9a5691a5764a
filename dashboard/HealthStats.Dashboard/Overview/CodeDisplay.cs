namespace HealthStats.Dashboard.Overview;

/// <summary>Codes are stored without dots; people read ICD-10 diagnosis codes with the dot after the category.</summary>
public static class CodeDisplay
{
    public static string Diagnosis(string code) => code.Length > 3 ? $"{code[..3]}.{code[3..]}" : code;
}
