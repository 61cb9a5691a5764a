namespace HealthStats.Warehouse.Classification;

/// <summary>A code ready to store: normalised, with its chapter, block and category filled in where they can be.</summary>
internal readonly record struct PreparedCode(
    string Code,
    string Title,
    bool Billable,
    string? Chapter,
    string? ChapterTitle,
    string? Block,
    string? BlockTitle,
    string? Category);
