namespace HealthStats.Warehouse.Reference;

/// <summary>The populations held for a (year kind, year, region): its sexes, age groups and total (of T, else M + F).</summary>
public sealed record PopulationSummary(YearKind YearKind, int Year, string Region, string Sexes, int AgeGroups, long Total, string Source, DateTime ImportedAt);
