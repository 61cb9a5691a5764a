namespace HealthStats.Dashboard.Extracts;

/// <summary>A spec the caller may pull, as `GET /api/extracts` lists it.</summary>
internal sealed record ExtractSummary(string Name, string? Description, bool Valid, string Href);
