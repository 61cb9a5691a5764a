namespace HealthStats.Warehouse.CodeEdits;

/// <summary>What an edit import stored: the version, from when it applies, codes per edit type, MCE rows read past, and whether it replaced a version of the same name.</summary>
public sealed record CodeEditImportResult(
    string Version,
    CodeEditFormat Format,
    DateOnly EffectiveFrom,
    IReadOnlyDictionary<string, int> CountsByType,
    int Skipped,
    bool Replaced);
