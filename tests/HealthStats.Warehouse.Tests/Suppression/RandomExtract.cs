using HealthStats.Warehouse.Suppression;

namespace HealthStats.Warehouse.Tests.Suppression;

/// <summary>
/// A random extract for property tests: one to three tables of one measure over one or two of region
/// (flat, or provinces over regions), sex, age group and diagnosis (chapter -> block -> code), their
/// counts the margins of one sparse table of many small counts, so that tables sharing a dimension
/// share consistent margins. The same seed gives the same extract.
/// </summary>
internal sealed record RandomExtract(int Seed, LinkedTables Tables, SuppressionPolicy Policy, IReadOnlyDictionary<string, long> Populations)
{
    public static RandomExtract Generate(int seed)
    {
        var random = new Random(seed);
        var pool = new[] { Region(random), Hierarchy.Flat("sex", "T", ["M", "F"]), Ages(random), Diagnoses(random) };
        var joint = new Dictionary<string, long>(StringComparer.Ordinal);
        var scale = new[] { 1, 2, 5, 20 }[random.Next(4)];
        var sparsity = 0.3 + 0.6 * random.NextDouble();
        foreach (var leaves in Product(pool.Select(h => h.Leaves).ToList()))
            joint[string.Join('|', leaves)] = random.NextDouble() < sparsity ? 0 : random.Next(1, 1 + 3 * scale);

        var builder = new LinkedTablesBuilder();
        var tableCount = random.Next(1, 4);
        for (var t = 0; t < tableCount; t++)
        {
            var dimensions = Enumerable.Range(0, pool.Length).OrderBy(_ => random.Next()).Take(random.Next(1, 3)).Order().Select(k => pool[k]).ToList();
            builder.AddCrossTable($"t{t}", "discharges", dimensions, codes =>
                joint.Where(j => Matches(j.Key, pool, dimensions, codes)).Sum(j => j.Value));
        }

        var populations = pool[0].Nodes.ToDictionary(code => code, _ => (long)random.Next(5_000, 60_000));
        SuppressionPolicy[] policies =
        [
            SuppressionPolicy.Cihi,
            SuppressionPolicy.Cihi with { MinimumRegionPopulation = null },
            SuppressionPolicy.Hcup,
            SuppressionPolicy.Cms with { SuppressZeros = true },
            new() { Name = "narrow", Threshold = 3, ProtectionWidth = 2 },
        ];
        return new RandomExtract(seed, builder.Build(), policies[random.Next(policies.Length)], populations);
    }

    public override string ToString() => $"seed {Seed} ({Tables.Cells.Count} cells, {Tables.Relations.Count} relations, {Policy.Name})";

    private static bool Matches(string jointKey, Hierarchy[] pool, List<Hierarchy> dimensions, IReadOnlyList<string> codes)
    {
        var leaves = jointKey.Split('|');
        for (var d = 0; d < dimensions.Count; d++)
        {
            if (leaves[Array.IndexOf(pool, dimensions[d])] != codes[d])
                return false;
        }
        return true;
    }

    private static Hierarchy Region(Random random)
    {
        if (random.NextDouble() < 0.5)
            return Hierarchy.Flat("region", "ALL", Enumerable.Range(1, random.Next(2, 5)).Select(i => $"R{i}"));
        var parents = new List<KeyValuePair<string, string>>();
        for (var p = 1; p <= 2; p++)
        {
            parents.Add(KeyValuePair.Create($"P{p}", "ALL"));
            for (var r = 1; r <= random.Next(1, 4); r++)
                parents.Add(KeyValuePair.Create($"P{p}R{r}", $"P{p}"));
        }
        return new Hierarchy("region", "ALL", parents);
    }

    private static Hierarchy Ages(Random random) =>
        Hierarchy.Flat("age_group", "ALL", Enumerable.Range(0, random.Next(2, 5)).Select(i => $"{20 * i}-{20 * i + 19}"));

    private static Hierarchy Diagnoses(Random random)
    {
        var parents = new List<KeyValuePair<string, string>>();
        for (var c = 1; c <= random.Next(1, 3); c++)
        {
            parents.Add(KeyValuePair.Create($"C{c}", "ALL"));
            for (var b = 1; b <= random.Next(1, 3); b++)
            {
                parents.Add(KeyValuePair.Create($"C{c}B{b}", $"C{c}"));
                for (var d = 1; d <= random.Next(1, 3); d++)
                    parents.Add(KeyValuePair.Create($"C{c}B{b}D{d}", $"C{c}B{b}"));
            }
        }
        return new Hierarchy("diagnosis", "ALL", parents);
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
