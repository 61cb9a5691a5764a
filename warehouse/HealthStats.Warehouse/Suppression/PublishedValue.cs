namespace HealthStats.Warehouse.Suppression;

/// <summary>A derived value as released: null where it is suppressed.</summary>
public sealed record PublishedValue(string Name, double? Value);
