using DuckDB.NET.Data;
using System.Globalization;
using HealthStats.Warehouse.Indicators;
using HealthStats.Warehouse.Storage;
using HealthStats.Warehouse.Suppression;

namespace HealthStats.Warehouse.Extracts;

/// <summary>
/// Computes one table of a spec from the indicator library and adds it to the extract's linked tables:
/// a cross table of its governing count over every node of its dimensions (each total and subtotal
/// released), a second one of its denominator where that counts people, and the indicator's values at
/// every node as values derived from those counts. Only aggregates are read: never an abstract.
/// </summary>
internal sealed class ExtractTablePlanner
{
    /// <summary>The code of a total (or subtotal) in a dimension column.</summary>
    public const string Total = "Total";

    private const char Separator = '/';

    private readonly DuckDBConnection connection;
    private readonly ExtractSpec spec;
    private readonly int index;
    private readonly ExtractTableSpec table;
    private readonly Indicator indicator;
    private readonly IndicatorCounts counts;
    private readonly List<DimensionGroup> groups;
    private readonly List<KeyValuePair<string, string>> where;
    private readonly Dictionary<string, Dictionary<string, IndicatorRow>> queries = new(StringComparer.Ordinal);

    /// <param name="connection">The extract's connection, in the transaction that gives every table the same state of the warehouse.</param>
    public ExtractTablePlanner(DuckDBConnection connection, ExtractSpec spec, int index)
    {
        this.connection = connection;
        this.spec = spec;
        this.index = index;
        table = spec.Tables[index];
        indicator = IndicatorLibrary.Find(table.Indicator);
        counts = GoverningCounts.For(indicator.Id);
        groups = DimensionGroup.Of(table.Dimensions);
        where = Where();
    }

    // Age-specific rates are the crude rate by age group; asked as the crude rate, the total over age groups is the all-ages rate.
    private string ValueIndicator => indicator.Id == "age_specific_hospitalisation_rate" ? "hospitalisation_rate" : indicator.Id;

    private string CountIndicator => counts.Count.FromIndicator ?? ValueIndicator;

    /// <summary>Adds the table's cells to the builder; returns the table and, per cell, the key under which equal counts of other tables are linked.</summary>
    public (ExtractTable Table, List<(int Cell, string Key)> Keys) Add(LinkedTablesBuilder builder)
    {
        var leafDepths = groups.Select(g => g.Levels.Count).ToArray();
        var leaves = Query(CountIndicator, leafDepths);
        var titles = Titles(leaves.Values.Concat(Query(ValueIndicator, leafDepths).Values));
        var hierarchies = groups.Select(g => HierarchyOf(g, leaves.Values)).ToList();
        if (hierarchies.Count == 0)
            hierarchies.Add(Hierarchy.Flat("all", Total, ["all"]));

        long LeafCount(IReadOnlyList<string> nodes, GoverningCount count) =>
            leaves.TryGetValue(KeyOf(nodes), out var row) ? CountOf(row, count) : 0;

        var cells = builder.AddCrossTable(table.Name, FullMeasure(counts.Count), hierarchies, nodes => LeafCount(nodes, counts.Count));
        var denominators = counts.Denominator is { } den
            ? builder.AddCrossTable($"{table.Name} ({den.Column})", FullMeasure(den), hierarchies, nodes => LeafCount(nodes, den))
            : null;

        var positions = Product(hierarchies.Select(h => h.Nodes).ToList()).ToList();
        var positionOf = positions.Select((nodes, p) => (Key: string.Join('\u001e', nodes), p)).ToDictionary(x => x.Key, x => x.p, StringComparer.Ordinal);
        var unique = groups.Select(g => UniqueLevels(g, hierarchies[groups.IndexOf(g)])).ToList();
        var rows = new List<ExtractRow>();
        var keys = new List<(int, string)>();
        for (var p = 0; p < positions.Count; p++)
        {
            var nodes = positions[p];
            var depths = groups.Select((g, k) => Depth(nodes[k])).ToArray();
            var key = KeyOf(nodes);
            var countRow = Query(CountIndicator, depths).GetValueOrDefault(key);
            var valueRow = Query(ValueIndicator, depths).GetValueOrDefault(key);
            Verify(counts.Count, countRow, Sum(leaves, nodes, counts.Count), nodes);
            if (counts.Denominator is { } d)
                Verify(d, valueRow, Sum(leaves, nodes, d), nodes);

            var alsoFrom = new List<int>();
            if (denominators is not null)
                alsoFrom.Add(denominators[p]);
            if (counts.ShareOf is { } share)
            {
                var k = groups.FindIndex(g => g.Levels.Contains(share));
                alsoFrom.Add(cells[positionOf[string.Join('\u001e', nodes.Select((n, i) => i == k ? Total : n))]]);
            }
            if (valueRow is not null)
            {
                foreach (var (name, value) in Derived(valueRow))
                {
                    if (value is { } v && double.IsFinite(v))
                        builder.AddDerived(cells[p], new DerivedValue(name, v) { AlsoComputedFrom = alsoFrom.Where(c => c != cells[p]).ToList() });
                }
            }

            // A table without dimensions has one count: its stand-in dimension's total repeats it, unwritten.
            if (groups.Count > 0 || p > 0)
                rows.Add(new ExtractRow(DimensionValues(nodes, titles), cells[p], denominators?[p]));
            keys.Add((cells[p], LinkKey(counts.Count, nodes, unique)));
            if (denominators is not null)
                keys.Add((denominators[p], LinkKey(counts.Denominator!, nodes, unique)));
        }
        return (new ExtractTable(table, indicator, counts, ExtractColumns.Of(table, indicator, counts, groups, spec), rows), keys);
    }

    /// <summary>The values derived from a row, by column name: those that are not one of the released counts.</summary>
    private IEnumerable<(string Name, double? Value)> Derived(IndicatorRow row)
    {
        foreach (var column in ExtractColumns.DerivedColumns(indicator, counts))
        {
            yield return (column, column switch
            {
                "numerator" => row.Numerator,
                "denominator" => row.Denominator,
                "ci_low" => row.CiLow,
                "ci_high" => row.CiHigh,
                _ => row.Value,
            });
        }
    }

    // The filters of the table, then the spec's years and regions where the indicator has them.
    private List<KeyValuePair<string, string>> Where()
    {
        var list = table.Filters.SelectMany(f => f.Value.Select(v => KeyValuePair.Create(f.Key, v))).ToList();
        if (ExtractSpecChecker.YearDimension(indicator) is { } year)
            list.AddRange(spec.FiscalYears.Select(y => KeyValuePair.Create(year, y)));
        if (indicator.Dimensions.Any(d => d.Id == "region"))
            list.AddRange(spec.Regions.Select(r => KeyValuePair.Create("region", r)));
        return list;
    }

    private Dictionary<string, IndicatorRow> Query(string indicatorId, int[] depths)
    {
        var cacheKey = indicatorId + ":" + string.Join(',', depths);
        if (queries.TryGetValue(cacheKey, out var cached))
            return cached;
        var by = groups.SelectMany((g, k) => g.Levels.Take(depths[k])).ToList();
        var isStandardised = IndicatorLibrary.Find(indicatorId) is PopulationRateIndicator { Kind: PopulationRateKind.AgeStandardised };
        var request = new IndicatorRequest { By = by, Where = where, Standard = isStandardised ? spec.StandardPopulation : null };
        IndicatorResult result;
        try
        {
            result = IndicatorLibrary.Compute(connection, indicatorId, request);
        }
        catch (IndicatorRequestException ex)
        {
            throw new ExtractSpecException(spec.File, [new ExtractSpecProblem($"$.tables[{index}]", $"table '{table.Name}': {ex.Message}")]);
        }
        var rows = new Dictionary<string, IndicatorRow>(StringComparer.Ordinal);
        foreach (var row in result.Rows)
        {
            var key = string.Join('\u001f', by.Select(b => Code(row.Dimension(b))));
            if (!rows.TryAdd(key, row))
                throw new InvalidOperationException($"table '{table.Name}': {indicatorId} gives two rows for {key.Replace('\u001f', ',')}");
        }
        queries[cacheKey] = rows;
        return rows;
    }

    private static string Code(string? value) => value ?? "(none)";

    private string KeyOf(IReadOnlyList<string> nodes) =>
        string.Join('\u001f', nodes.Take(groups.Count).Where(n => n != Total).SelectMany(n => n.Split(Separator)));

    private static int Depth(string node) => node == Total ? 0 : node.Split(Separator).Length;

    private Hierarchy HierarchyOf(DimensionGroup group, IEnumerable<IndicatorRow> leaves)
    {
        var paths = leaves
            .Select(row => group.Levels.Select(level => Code(row.Dimension(level))).ToList())
            .Where(path => path.All(code => code.Length > 0))
            .ToList();
        foreach (var code in paths.SelectMany(p => p))
        {
            if (code == Total || code.Contains(Separator, StringComparison.Ordinal))
                throw new InvalidOperationException($"table '{table.Name}': {group.Name} has a code '{code}', which an extract cannot tell from its totals");
        }
        if (paths.Count == 0)
            throw new InvalidOperationException($"table '{table.Name}': {indicator.Id} has no rows for these filters and years, so there is nothing to release");
        var parents = new List<KeyValuePair<string, string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths.OrderBy(p => p, PathOrder.Instance))
        {
            for (var depth = 1; depth <= path.Count; depth++)
            {
                var node = string.Join(Separator, path.Take(depth));
                if (seen.Add(node))
                    parents.Add(KeyValuePair.Create(node, depth == 1 ? Total : string.Join(Separator, path.Take(depth - 1))));
            }
        }
        return new Hierarchy(group.Name, Total, parents);
    }

    // Whether each level's codes are unique within the hierarchy, so that a node can be named by its own level alone.
    private static bool[] UniqueLevels(DimensionGroup group, Hierarchy hierarchy) =>
        group.Levels.Select((_, level) =>
        {
            var atLevel = hierarchy.Nodes.Where(n => Depth(n) == level + 1).ToList();
            return atLevel.Select(n => n.Split(Separator)[level]).Distinct(StringComparer.Ordinal).Count() == atLevel.Count;
        }).ToArray();

    private Dictionary<(string, string), string> Titles(IEnumerable<IndicatorRow> rows)
    {
        var titles = new Dictionary<(string, string), string>();
        foreach (var row in rows)
        {
            foreach (var dimension in indicator.Dimensions.Where(d => d.HasTitle && table.Dimensions.Contains(d.Id)))
            {
                if (row.Dimension(dimension.TitleColumn) is { } title)
                    titles.TryAdd((dimension.Id, Code(row.Dimension(dimension.Id))), title);
            }
        }
        return titles;
    }

    private List<string?> DimensionValues(IReadOnlyList<string> nodes, Dictionary<(string, string), string> titles)
    {
        var values = new List<string?>();
        for (var k = 0; k < groups.Count; k++)
        {
            var path = nodes[k] == Total ? [] : nodes[k].Split(Separator);
            for (var level = 0; level < groups[k].Levels.Count; level++)
            {
                var id = groups[k].Levels[level];
                var code = level < path.Length ? path[level] : Total;
                values.Add(code);
                if (indicator.Dimensions.First(d => d.Id == id).HasTitle)
                    values.Add(level < path.Length ? titles.GetValueOrDefault((id, code)) : null);
            }
        }
        return values;
    }

    private long CountOf(IndicatorRow? row, GoverningCount count)
    {
        var value = row is null ? 0 : count.Field switch
        {
            CountField.Numerator => row.Numerator,
            CountField.Denominator => row.Denominator,
            _ => row.Value,
        } ?? 0;
        var rounded = Math.Round(value);
        if (Math.Abs(value - rounded) > 1e-6 || rounded < 0)
            throw new InvalidOperationException($"table '{table.Name}': {count.Column} should be a count, but is {value.ToString("R", CultureInfo.InvariantCulture)}");
        return (long)rounded;
    }

    private long Sum(Dictionary<string, IndicatorRow> leaves, IReadOnlyList<string> nodes, GoverningCount count)
    {
        var prefix = nodes.Take(groups.Count).Select(n => n == Total ? [] : n.Split(Separator)).ToList();
        long sum = 0;
        foreach (var (key, row) in leaves)
        {
            var codes = key.Split('\u001f');
            var offset = 0;
            var under = true;
            for (var k = 0; k < groups.Count && under; k++)
            {
                under = prefix[k].Select((code, i) => codes[offset + i] == code).All(x => x);
                offset += groups[k].Levels.Count;
            }
            if (under)
                sum += CountOf(row, count);
        }
        return sum;
    }

    // A total is released as the sum of its parts; the indicator asked at the total must agree, or its values there would not be those of the released count.
    private void Verify(GoverningCount count, IndicatorRow? row, long sum, IReadOnlyList<string> nodes)
    {
        var asked = CountOf(row, count);
        if (asked != sum)
            throw new InvalidOperationException(
                $"table '{table.Name}': {indicator.Id} gives {asked} {count.Column} at [{string.Join(", ", nodes)}], but its parts add up to {sum}; its values there cannot be released as a total");
    }

    private string FullMeasure(GoverningCount count) =>
        count.Measure + "|" + string.Join(";", where.OrderBy(w => w.Key, StringComparer.Ordinal).ThenBy(w => w.Value, StringComparer.Ordinal).Select(w => $"{w.Key}={w.Value}"));

    /// <summary>
    /// Counts of one measure are one number wherever they are released when they fix the same codes:
    /// a cell's own codes, and the filters of one value; filters of several values on dimensions the cell
    /// does not fix stay part of what is counted.
    /// </summary>
    private string LinkKey(GoverningCount count, IReadOnlyList<string> nodes, List<bool[]> unique)
    {
        var pairs = new SortedSet<string>(StringComparer.Ordinal);
        var fixedDimensions = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < groups.Count; k++)
        {
            if (nodes[k] == Total)
                continue;
            var path = nodes[k].Split(Separator);
            fixedDimensions.UnionWith(groups[k].Levels.Take(path.Length));
            var deepest = path.Length - 1;
            var named = unique[k][deepest] ? [deepest] : Enumerable.Range(0, path.Length);
            foreach (var level in named)
                pairs.Add($"{groups[k].Levels[level]}={path[level]}");
        }
        var measure = new List<string>();
        foreach (var filter in where.GroupBy(w => w.Key, w => w.Value).Where(f => !fixedDimensions.Contains(f.Key)))
        {
            var values = filter.Distinct().Order(StringComparer.Ordinal).ToList();
            if (values.Count == 1)
                pairs.Add($"{filter.Key}={values[0]}");
            else
                measure.Add($"{filter.Key} in ({string.Join(",", values)})");
        }
        return count.Measure + "|" + string.Join(";", measure.Order(StringComparer.Ordinal)) + "|" + string.Join(";", pairs);
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

    private sealed class PathOrder : IComparer<List<string>>
    {
        public static readonly PathOrder Instance = new();

        public int Compare(List<string>? x, List<string>? y)
        {
            for (var i = 0; i < Math.Min(x!.Count, y!.Count); i++)
            {
                var c = CodeOrder.Instance.Compare(x[i], y[i]);
                if (c != 0)
                    return c;
            }
            return x.Count.CompareTo(y.Count);
        }
    }
}
