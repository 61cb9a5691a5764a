namespace HealthStats.Warehouse.Suppression;

/// <summary>
/// An equation that anyone reading the extract knows holds: the total cell's count is the sum of the
/// parts' counts. A row or column total, a subtotal of a hierarchy, or (with one part) the same count
/// released in two tables, as margins shared between tables are.
/// </summary>
public sealed record LinearRelation(int Total, IReadOnlyList<int> Parts, string Kind)
{
    public IEnumerable<int> Cells => Parts.Prepend(Total);

    /// <summary>Each cell's coefficient in total - sum(parts) = 0, a cell named twice adding up.</summary>
    public IReadOnlyDictionary<int, int> Coefficients()
    {
        var coefficients = new Dictionary<int, int> { [Total] = 1 };
        foreach (var part in Parts)
            coefficients[part] = coefficients.GetValueOrDefault(part) - 1;
        return coefficients;
    }
}
