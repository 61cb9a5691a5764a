namespace HealthStats.Warehouse.Suppression;

/// <summary>
/// Exactly what an extract releases: each cell's count or its suppression flag, the derived values, and
/// the relations a reader knows hold between the counts. The auditor sees this and nothing more.
/// </summary>
public sealed record Publication(IReadOnlyList<PublishedCell> Cells, IReadOnlyList<LinearRelation> Relations)
{
    /// <summary>The tables as released with the given cells suppressed, their derived values following them.</summary>
    public static Publication Of(LinkedTables tables, IReadOnlyList<bool> suppressed)
    {
        if (suppressed.Count != tables.Cells.Count)
            throw new ArgumentException($"{suppressed.Count} suppression flags for {tables.Cells.Count} cells");
        var cells = tables.Cells.Select((cell, i) => new PublishedCell(
            cell.Table,
            cell.Coordinates,
            suppressed[i] ? null : cell.Count,
            cell.Derived
                .Select(d => new PublishedValue(d.Name, suppressed[i] || d.AlsoComputedFrom.Any(j => suppressed[j]) ? null : d.Value))
                .ToList()))
            .ToList();
        return new Publication(cells, tables.Relations);
    }
}
