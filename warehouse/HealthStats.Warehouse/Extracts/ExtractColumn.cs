namespace HealthStats.Warehouse.Extracts;

/// <summary>A column of an extract table, as the data dictionary describes it. Type is string, integer, boolean or double.</summary>
public sealed record ExtractColumn(string Name, ExtractColumnKind Kind, string Type, string Unit, string Definition, string Suppression);
