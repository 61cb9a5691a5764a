namespace HealthStats.Warehouse.Indicators;

/// <summary>One imported population count: a year, region and sex's age group.</summary>
internal sealed record PopulationGroup(int Year, string Region, string Sex, AgeBand Band, double Population);
