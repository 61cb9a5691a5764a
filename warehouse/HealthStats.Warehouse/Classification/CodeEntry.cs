namespace HealthStats.Warehouse.Classification;

/// <summary>A code as held by one classification version, with the version's name.</summary>
public sealed record CodeEntry(string Code, string Title, bool Billable, string? Chapter, string? Block, string? Category, string Version);
