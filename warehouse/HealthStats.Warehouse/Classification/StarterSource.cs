namespace HealthStats.Warehouse.Classification;

/// <summary>The content of a built-in starter classification, and the name it is known by in messages and the version's source.</summary>
internal sealed record StarterSource(string Name, byte[] Content);
