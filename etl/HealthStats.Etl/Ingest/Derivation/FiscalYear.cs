namespace HealthStats.Etl.Ingest.Derivation;

/// <summary>
/// Canadian fiscal years run from April 1 to March 31 and are named by the year they start in:
/// fiscal 2024 is 2024-04-01 to 2025-03-31, often written 2024-2025.
/// </summary>
public static class FiscalYear
{
    public static int Of(DateOnly date) => date.Month >= 4 ? date.Year : date.Year - 1;

    public static string Label(int fiscalYear) => $"{fiscalYear}-{fiscalYear + 1}";

    /// <summary>Month of the fiscal year: April is 1, March is 12.</summary>
    public static int Month(DateOnly date) => (date.Month + 8) % 12 + 1;
}
