namespace HealthStats.Warehouse.CodeEdits;

/// <summary>An edit table as read from a file: its codes, the MCE version when it has one, and the MCE rows read past.</summary>
internal sealed record CodeEditFile(IReadOnlyList<CodeEdit> Edits, int? MceVersion, int Skipped);
