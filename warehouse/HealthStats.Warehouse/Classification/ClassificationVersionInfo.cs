namespace HealthStats.Warehouse.Classification;

/// <summary>A row of reference.classification_versions. <see cref="ImportedAt"/> is UTC.</summary>
public sealed record ClassificationVersionInfo(
    int VersionId,
    ClassificationKind Kind,
    string Version,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    string Source,
    bool Builtin,
    int CodeCount,
    DateTime ImportedAt)
{
    public bool Covers(DateOnly date) => EffectiveFrom <= date && (EffectiveTo is null || date <= EffectiveTo.Value);
}
