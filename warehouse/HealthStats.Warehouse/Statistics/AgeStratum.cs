namespace HealthStats.Warehouse.Statistics;

/// <summary>One age group of a directly standardised rate: its events, its population, and the standard population's count for it.</summary>
public readonly record struct AgeStratum(long Count, double Population, double StandardPopulation);
