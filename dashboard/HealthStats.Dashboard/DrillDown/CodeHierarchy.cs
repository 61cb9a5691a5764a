namespace HealthStats.Dashboard.DrillDown;

/// <summary>
/// A classification's levels from the broadest to the codes, and the indicator that counts them: what a
/// drill-down page walks through. View is the page's ?view= value that selects it (null for the page's default).
/// </summary>
public sealed record CodeHierarchy(string Indicator, string Counted, string Subject, IReadOnlyList<CodeLevel> Levels, string? View = null);
