namespace HealthStats.Warehouse.Suppression;

/// <summary>
/// The codes of one dimension as a tree under a root that stands for their total: flat (sex: M, F
/// under Total), or with levels (chapter -> block -> code; province -> region). Every node of the tree
/// is released in a cross table, and every node with children is the sum of its children.
/// </summary>
public sealed class Hierarchy
{
    private readonly Dictionary<string, List<string>> children = new(StringComparer.Ordinal);

    /// <param name="dimension">The dimension's id (e.g. region), as in the indicator library.</param>
    /// <param name="root">The code of the total over every code (e.g. ALL or Total).</param>
    /// <param name="parents">Each code with its parent: the root or another code. Order is kept.</param>
    public Hierarchy(string dimension, string root, IEnumerable<KeyValuePair<string, string>> parents)
    {
        Dimension = dimension;
        Root = root;
        children[root] = [];
        var parentOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, parent) in parents)
        {
            if (code == root || !parentOf.TryAdd(code, parent))
                throw new ArgumentException($"{dimension}: code '{code}' appears twice in its hierarchy");
            children.TryAdd(code, []);
        }
        foreach (var (code, parent) in parentOf)
        {
            if (!children.TryGetValue(parent, out var siblings))
                throw new ArgumentException($"{dimension}: code '{code}' has parent '{parent}', which is neither the root nor a code");
            siblings.Add(code);
        }
        Nodes = DepthFirst(root).ToList();
        if (Nodes.Count != children.Count)
            throw new ArgumentException($"{dimension}: the parents form a cycle that does not reach the root '{root}'");
        if (children[root].Count == 0)
            throw new ArgumentException($"{dimension}: the hierarchy has no codes under its root");
        Leaves = Nodes.Where(IsLeaf).ToList();
    }

    public string Dimension { get; }

    public string Root { get; }

    /// <summary>Every node, the root first, each node before its children.</summary>
    public IReadOnlyList<string> Nodes { get; }

    public IReadOnlyList<string> Leaves { get; }

    public static Hierarchy Flat(string dimension, string root, IEnumerable<string> codes) =>
        new(dimension, root, codes.Select(c => KeyValuePair.Create(c, root)));

    public IReadOnlyList<string> ChildrenOf(string node) =>
        children.TryGetValue(node, out var list) ? list : throw new ArgumentException($"{Dimension}: no code '{node}'");

    public bool IsLeaf(string node) => ChildrenOf(node).Count == 0;

    public bool Contains(string node) => children.ContainsKey(node);

    private IEnumerable<string> DepthFirst(string node)
    {
        yield return node;
        foreach (var child in children[node].SelectMany(DepthFirst))
            yield return child;
    }
}
