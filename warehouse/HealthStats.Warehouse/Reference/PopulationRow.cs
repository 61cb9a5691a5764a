namespace HealthStats.Warehouse.Reference;

/// <summary>
/// One count of a population file: <see cref="Sex"/> is M, F or T (both sexes); <see cref="AgeEnd"/> is null for the
/// open top group; <see cref="Region"/> is a residence region code or ALL.
/// </summary>
public sealed record PopulationRow(int Year, string Region, string Sex, int AgeStart, int? AgeEnd, long Population, int Line = 0);
