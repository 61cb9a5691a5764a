namespace HealthStats.Warehouse.Classification;

/// <summary>
/// A classification version to import: valid for discharges from <paramref name="EffectiveFrom"/> to
/// <paramref name="EffectiveTo"/> inclusive (open-ended when null). <paramref name="Source"/> says where it came from
/// (a file name, a URL) for the record.
/// </summary>
public sealed record ClassificationImport(ClassificationKind Kind, string Version, DateOnly EffectiveFrom, DateOnly? EffectiveTo, string Source);
