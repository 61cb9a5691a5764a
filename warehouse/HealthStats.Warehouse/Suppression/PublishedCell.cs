namespace HealthStats.Warehouse.Suppression;

/// <summary>A cell as released: its count null where it is suppressed, and its derived values.</summary>
public sealed record PublishedCell(
    string Table,
    IReadOnlyList<KeyValuePair<string, string>> Coordinates,
    long? Count,
    IReadOnlyList<PublishedValue> Derived)
{
    public bool IsSuppressed => Count is null;

    public string Label => $"{Table}[{string.Join(", ", Coordinates.Select(c => $"{c.Key}={c.Value}"))}]";
}
