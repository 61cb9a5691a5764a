namespace HealthStats.Dashboard.Classifications;

/// <summary>
/// One code as the warehouse knows it: title, chapter and block from the newest version that holds it, every
/// version (and addenda year) it is valid in, and its use in the loaded abstracts by fiscal year.
/// </summary>
public sealed record CodeDetail(
    string Code,
    string Title,
    bool Billable,
    string? Chapter,
    string? ChapterTitle,
    string? Block,
    string? BlockTitle,
    IReadOnlyList<CodeVersion> Versions,
    IReadOnlyList<CodeUsage> Usage);
