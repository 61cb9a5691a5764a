namespace HealthStats.Warehouse.Classification;

/// <summary>An ICD-10-PCS section: the first character of a code (0 Medical and Surgical ... X New Technology).</summary>
public sealed record PcsSection(string Id, string Title);
