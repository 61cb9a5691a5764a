namespace HealthStats.Warehouse.Suppression;

/// <summary>
/// The tables of one extract as suppression sees them: every count they would release, and every linear
/// relation between those counts that a reader knows of, within and across tables.
/// </summary>
public sealed class LinkedTables
{
    public LinkedTables(IReadOnlyList<TableCell> cells, IReadOnlyList<LinearRelation> relations)
    {
        Cells = cells;
        Relations = relations;
        foreach (var cell in cells)
        {
            if (cell.Count < 0)
                throw new ArgumentException($"{cell.Label}: counts are non-negative, not {cell.Count}");
            if (cell.Derived.SelectMany(d => d.AlsoComputedFrom).Any(i => i < 0 || i >= cells.Count))
                throw new ArgumentException($"{cell.Label}: a derived value names a cell that is not in the tables");
        }
        foreach (var relation in relations)
        {
            if (relation.Cells.Any(i => i < 0 || i >= cells.Count))
                throw new ArgumentException($"a {relation.Kind} relation names a cell that is not in the tables");
            var sum = relation.Parts.Sum(p => cells[p].Count);
            if (sum != cells[relation.Total].Count)
                throw new ArgumentException(
                    $"{cells[relation.Total].Label} is {cells[relation.Total].Count}, but its {relation.Kind} parts add up to {sum}");
        }
    }

    public IReadOnlyList<TableCell> Cells { get; }

    public IReadOnlyList<LinearRelation> Relations { get; }

    /// <summary>The index of the cell of a table at the given codes, in the order of its dimensions.</summary>
    public int IndexOf(string table, params string[] codes)
    {
        for (var i = 0; i < Cells.Count; i++)
        {
            if (Cells[i].Table == table && Cells[i].Coordinates.Select(c => c.Value).SequenceEqual(codes))
                return i;
        }
        throw new ArgumentException($"no cell {table}[{string.Join(", ", codes)}]");
    }
}
