namespace HealthStats.Etl.Deidentification;

/// <summary>Five-year age groups as statistical agencies publish them: 0-4, 5-9, ... 85-89, 90+.</summary>
public static class AgeGroups
{
    private static readonly string[] Labels = Enumerable.Range(0, 18).Select(i => $"{i * 5}-{i * 5 + 4}").Append("90+").ToArray();

    public static string FiveYear(int age) => age >= 90 ? Labels[^1] : Labels[Math.Max(0, age) / 5];
}
