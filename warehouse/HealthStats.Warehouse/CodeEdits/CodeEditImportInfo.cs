namespace HealthStats.Warehouse.CodeEdits;

/// <summary>One import of an edit table, as reference.code_edit_imports holds it, with its number of codes per edit type.</summary>
public sealed record CodeEditImportInfo(
    int ImportId,
    string Version,
    string Format,
    string Source,
    DateOnly EffectiveFrom,
    bool Builtin,
    int EditCount,
    int SkippedCount,
    DateTime ImportedAt,
    IReadOnlyDictionary<string, int> CountsByType);
