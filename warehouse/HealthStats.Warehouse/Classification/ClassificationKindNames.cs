namespace HealthStats.Warehouse.Classification;

/// <summary>The names of <see cref="ClassificationKind"/> as stored in reference.classification_versions.kind.</summary>
internal static class ClassificationKindNames
{
    public const string Diagnosis = "diagnosis";
    public const string Intervention = "intervention";

    public static string ToName(this ClassificationKind kind) => kind switch
    {
        ClassificationKind.Diagnosis => Diagnosis,
        ClassificationKind.Intervention => Intervention,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown classification kind."),
    };

    public static ClassificationKind Parse(string name) => name switch
    {
        Diagnosis => ClassificationKind.Diagnosis,
        Intervention => ClassificationKind.Intervention,
        _ => throw new InvalidOperationException($"Unknown classification kind '{name}' in reference.classification_versions."),
    };
}
