namespace HealthStats.Warehouse.Ccsr;

/// <summary>One row of the DX_to_CCSR mapping: a diagnosis code in a CCSR category, with its default flags (Y, N or X).</summary>
public sealed record CcsrMapping(string Code, string Category, string? CategoryDescription, string InpatientDefault, string OutpatientDefault, int Line);
