namespace HealthStats.Warehouse.Suppression;

/// <summary>
/// One count an extract would release: in which table, of what measure (an indicator's count), at
/// which codes of the table's dimensions (a total carries its hierarchy's root code), and the values
/// derived from it.
/// </summary>
public sealed record TableCell(
    string Table,
    string Measure,
    IReadOnlyList<KeyValuePair<string, string>> Coordinates,
    long Count,
    IReadOnlyList<DerivedValue> Derived)
{
    public string? Coordinate(string dimension) =>
        Coordinates.FirstOrDefault(c => c.Key == dimension) is { Key: not null } c ? c.Value : null;

    public string Label => $"{Table}[{string.Join(", ", Coordinates.Select(c => $"{c.Key}={c.Value}"))}]";
}
