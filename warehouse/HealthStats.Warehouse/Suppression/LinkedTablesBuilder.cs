namespace HealthStats.Warehouse.Suppression;

/// <summary>
/// Puts an extract's tables together for suppression: cross tables over hierarchies (every node of
/// every dimension, with all their totals and subtotals as relations), any other cells and relations,
/// and, on Build, the margins that tables share linked by equalities.
/// </summary>
public sealed class LinkedTablesBuilder
{
    private readonly List<TableCell> cells = [];
    private readonly List<List<DerivedValue>> derived = [];
    private readonly List<LinearRelation> relations = [];
    private readonly Dictionary<int, string> marginKeys = [];

    /// <summary>Adds one cell; it is linked to other tables only by relations added for it.</summary>
    public int AddCell(string table, string measure, IReadOnlyList<KeyValuePair<string, string>> coordinates, long count)
    {
        cells.Add(new TableCell(table, measure, coordinates, count, []));
        derived.Add([]);
        return cells.Count - 1;
    }

    public void AddDerived(int cell, DerivedValue value) => derived[cell].Add(value);

    public void AddRelation(int total, IReadOnlyList<int> parts, string kind) => relations.Add(new LinearRelation(total, parts, kind));

    /// <summary>
    /// Adds a table of one measure over the product of the dimensions' hierarchies: a cell at every
    /// combination of nodes, the leaves' counts asked of <paramref name="leafCount"/> and every other
    /// cell their sum, each total related to its children along each dimension.
    /// </summary>
    /// <returns>The cells' indices, in the order of the product (the first dimension slowest).</returns>
    public IReadOnlyList<int> AddCrossTable(
        string table, string measure, IReadOnlyList<Hierarchy> dimensions, Func<IReadOnlyList<string>, long> leafCount)
    {
        if (dimensions.Count == 0)
            throw new ArgumentException($"{table}: a cross table needs at least one dimension");
        if (cells.Any(c => c.Table == table))
            throw new ArgumentException($"{table}: a table of that name is already added");

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var indices = new Dictionary<string, int>(StringComparer.Ordinal);
        var added = new List<int>();
        foreach (var nodes in Product(dimensions.Select(d => d.Nodes).ToList()))
        {
            var coordinates = dimensions.Select((d, k) => KeyValuePair.Create(d.Dimension, nodes[k])).ToList();
            var index = AddCell(table, measure, coordinates, CountOf(nodes));
            indices[Key(nodes)] = index;
            added.Add(index);
            // Two tables of one measure release the same count where their codes other than totals agree.
            marginKeys[index] = measure + "\u001f" + string.Join("\u001f", coordinates
                .Where((c, k) => c.Value != dimensions[k].Root)
                .OrderBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => c.Key + "=" + c.Value));
        }
        foreach (var nodes in Product(dimensions.Select(d => d.Nodes).ToList()))
        {
            for (var k = 0; k < dimensions.Count; k++)
            {
                var children = dimensions[k].ChildrenOf(nodes[k]);
                if (children.Count == 0)
                    continue;
                var parts = children.Select(child => indices[Key(Replace(nodes, k, child))]).ToList();
                var kind = nodes[k] == dimensions[k].Root ? $"total of {dimensions[k].Dimension}" : $"subtotal of {dimensions[k].Dimension}";
                AddRelation(indices[Key(nodes)], parts, kind);
            }
        }
        return added;

        long CountOf(IReadOnlyList<string> nodes)
        {
            var key = Key(nodes);
            if (counts.TryGetValue(key, out var known))
                return known;
            var k = Enumerable.Range(0, dimensions.Count).FirstOrDefault(d => !dimensions[d].IsLeaf(nodes[d]), -1);
            var count = k < 0 ? leafCount(nodes) : dimensions[k].ChildrenOf(nodes[k]).Sum(child => CountOf(Replace(nodes, k, child)));
            counts[key] = count;
            return count;
        }
    }

    /// <summary>The index of a cell added earlier, by table and codes in the order of its dimensions.</summary>
    public int CellAt(string table, params string[] codes)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i].Table == table && cells[i].Coordinates.Select(c => c.Value).SequenceEqual(codes))
                return i;
        }
        throw new ArgumentException($"no cell {table}[{string.Join(", ", codes)}]");
    }

    /// <summary>The tables, with an equality between cross-table cells of one measure at the same codes in different tables.</summary>
    public LinkedTables Build()
    {
        var all = new List<LinearRelation>(relations);
        foreach (var group in marginKeys.GroupBy(m => m.Value, m => m.Key))
        {
            var shared = group.Order().ToList();
            all.AddRange(shared.Skip(1).Select(other => new LinearRelation(shared[0], [other], "shared margin")));
        }
        return new LinkedTables(cells.Select((c, i) => c with { Derived = derived[i].ToList() }).ToList(), all);
    }

    private static string Key(IEnumerable<string> nodes) => string.Join("\u001f", nodes);

    private static string[] Replace(IReadOnlyList<string> nodes, int k, string node)
    {
        var copy = nodes.ToArray();
        copy[k] = node;
        return copy;
    }

    private static IEnumerable<string[]> Product(IReadOnlyList<IReadOnlyList<string>> lists)
    {
        IEnumerable<string[]> result = [[]];
        foreach (var list in lists)
        {
            var current = list;
            result = result.SelectMany(prefix => current.Select(item => prefix.Append(item).ToArray()));
        }
        return result;
    }
}
