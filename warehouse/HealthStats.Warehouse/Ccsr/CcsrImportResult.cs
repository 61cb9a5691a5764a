namespace HealthStats.Warehouse.Ccsr;

/// <summary>What a CCSR import stored.</summary>
public sealed record CcsrImportResult(string Version, int Codes, int Mappings, int Categories);
