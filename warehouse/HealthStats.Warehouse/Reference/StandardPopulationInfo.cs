namespace HealthStats.Warehouse.Reference;

/// <summary>A standard population held in the warehouse: its short name, the standard's name in its file, groups and total.</summary>
public sealed record StandardPopulationInfo(string Name, string Description, int AgeGroups, int TopAgeStart, double Total, string Source, DateTime ImportedAt);
