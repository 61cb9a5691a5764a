namespace HealthStats.Warehouse.Reference;

/// <summary>A standard population for direct age standardisation, as named in its file, with its age groups from 0.</summary>
public sealed record StandardPopulation(string Standard, IReadOnlyList<StandardAgeGroup> Groups);
