namespace HealthStats.Dashboard.Classifications;

/// <summary>The first codes a search found, and whether there were more than could be shown.</summary>
public sealed record CodeSearchResult(IReadOnlyList<CodeMatch> Codes, bool HasMore);
