namespace HealthStats.Warehouse.Ccsr;

/// <summary>A CCSR category and its description.</summary>
public sealed record CcsrCategory(string Category, string Description);
