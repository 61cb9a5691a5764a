namespace HealthStats.Dashboard.Classifications;

/// <summary>
/// A span of discharge dates in which a classification version holds the code: the version's own dates, or, with
/// <see cref="ByAddenda"/>, the year before it that its addenda describe. <see cref="To"/> is null while open-ended.
/// </summary>
public sealed record CodeVersion(string Version, DateOnly From, DateOnly? To, string Title, bool Billable, bool Builtin, bool ByAddenda);
