namespace HealthStats.Warehouse.Reference;

/// <summary>An age group of a standard population; <see cref="AgeEnd"/> is null for the open top group.</summary>
public sealed record StandardAgeGroup(int AgeStart, int? AgeEnd, double Population, int Line = 0);
