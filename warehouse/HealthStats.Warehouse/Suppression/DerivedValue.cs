namespace HealthStats.Warehouse.Suppression;

/// <summary>
/// A value released beside a cell's count and computed from it (a rate, a percentage, a mean). It is
/// released only where its count is, and also only where every other cell it is computed from is
/// (a row percentage would give away a suppressed row total).
/// </summary>
public sealed record DerivedValue(string Name, double Value)
{
    /// <summary>Other cells of the same tables that the value is computed from, by index.</summary>
    public IReadOnlyList<int> AlsoComputedFrom { get; init; } = [];
}
