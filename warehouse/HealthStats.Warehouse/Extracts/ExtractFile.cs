namespace HealthStats.Warehouse.Extracts;

/// <summary>A file of a written extract: its name in the extract's folder, size and SHA-256 (lower-case hex).</summary>
public sealed record ExtractFile(string Name, long Bytes, string Sha256);
