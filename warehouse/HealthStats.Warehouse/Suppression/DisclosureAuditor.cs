using HealthStats.Warehouse.Suppression.LinearProgramming;

namespace HealthStats.Warehouse.Suppression;

/// <summary>
/// Checks a publication as an attacker would read it, knowing only what it releases: the released
/// counts, which cells are suppressed, the relations between counts, and that counts are non-negative.
/// For every suppressed cell it solves two linear programs, minimising and maximising the cell over
/// all non-negative tables that agree with the release, and reports each cell whose interval
/// [min, max] is narrower than the policy requires. It also reports a derived value released beside a
/// suppressed count and released counts that contradict a relation.
/// </summary>
/// <remarks>
/// The linear programs run over real numbers; the ends are then rounded inwards to whole counts
/// (ceiling of the minimum, floor of the maximum). An integer program could narrow some intervals
/// further in tables whose relations are not totally unimodular (three or more dimensions, or tables
/// linked by margins); the linear bound is the one this auditor and the acceptance use.
/// Suppressed cells that share no relation, directly or through other suppressed cells, cannot tell
/// anything about each other, so each such group is solved on its own: smaller programs, same intervals.
/// </remarks>
public static class DisclosureAuditor
{
    private const double RoundingTolerance = 1e-6;

    public static AuditReport Audit(Publication publication, SuppressionPolicy policy) => Audit(publication, policy.RequiredWidth);

    public static AuditReport Audit(Publication publication, int requiredWidth) => Audit(publication, requiredWidth, exactIntervals: true);

    /// <summary>
    /// With exactIntervals false, a cell whose count already took values at least the width apart in
    /// the other programs' solutions is passed without its own two programs, and its interval is
    /// reported as that spread: enough to pass or fail, as suppression needs, not to quote.
    /// </summary>
    internal static AuditReport Audit(Publication publication, int requiredWidth, bool exactIntervals)
    {
        var findings = new List<AuditFinding>();
        var cells = publication.Cells;
        for (var i = 0; i < cells.Count; i++)
        {
            foreach (var value in cells[i].Derived)
            {
                if (value.Value is not null && cells[i].IsSuppressed)
                    findings.Add(new AuditFinding(i, $"{cells[i].Label}: {value.Name} is released while its count is suppressed"));
            }
        }
        foreach (var relation in publication.Relations.Where(r => r.Cells.All(c => !cells[c].IsSuppressed)))
        {
            if (relation.Parts.Sum(p => cells[p].Count!.Value) != cells[relation.Total].Count)
                findings.Add(new AuditFinding(relation.Total, $"{cells[relation.Total].Label}: the released counts contradict its {relation.Kind} relation"));
        }

        var intervals = new List<FeasibleInterval>();
        foreach (var (group, relations) in SuppressedGroups(publication))
        {
            var groupIntervals = AuditGroup(cells, group, relations, requiredWidth, exactIntervals);
            if (groupIntervals is null)
            {
                findings.Add(new AuditFinding(group[0], $"{cells[group[0]].Label}: no table of non-negative counts agrees with the released counts and relations around it"));
                continue;
            }
            intervals.AddRange(groupIntervals);
            findings.AddRange(groupIntervals.Where(i => i.Width < requiredWidth).Select(i => new AuditFinding(i.Cell,
                $"{cells[i.Cell].Label}: a reader can place it in [{i.Low}, {i.High}], narrower than {requiredWidth}")));
        }
        return new AuditReport(intervals.OrderBy(i => i.Cell).ToList(), findings);
    }

    private static List<FeasibleInterval>? AuditGroup(
        IReadOnlyList<PublishedCell> cells, List<int> group, List<LinearRelation> relations, int requiredWidth, bool exactIntervals)
    {
        var polytope = PolytopeOf(cells, group, relations);
        if (polytope.IsEmpty)
            return null;

        // The smallest and largest value each cell took in any solution so far.
        var seenLow = Enumerable.Repeat(double.PositiveInfinity, group.Count).ToArray();
        var seenHigh = Enumerable.Repeat(double.NegativeInfinity, group.Count).ToArray();
        var intervals = new List<FeasibleInterval>();
        var objective = new double[group.Count];
        for (var k = 0; k < group.Count; k++)
        {
            // Rounded inwards as the exact interval is, which contains this one, so it is at least as wide.
            var seen = new FeasibleInterval(group[k], Math.Ceiling(seenLow[k] - RoundingTolerance), Math.Floor(seenHigh[k] + RoundingTolerance));
            if (!exactIntervals && seen.Width >= requiredWidth)
            {
                intervals.Add(seen);
                continue;
            }
            objective[k] = 1;
            var min = polytope.Minimize(objective);
            Observe(min);
            var max = polytope.Maximize(objective);
            Observe(max);
            objective[k] = 0;
            var low = Math.Max(0, Math.Ceiling(min.Value - RoundingTolerance));
            var high = double.IsPositiveInfinity(max.Value) ? double.PositiveInfinity : Math.Floor(max.Value + RoundingTolerance);
            intervals.Add(new FeasibleInterval(group[k], low, high));
            if (double.IsPositiveInfinity(max.Value))
                seenHigh[k] = double.PositiveInfinity;
        }
        return intervals;

        void Observe(LinearProgramResult result)
        {
            if (result.Status != LinearProgramStatus.Optimal)
                return;
            for (var j = 0; j < group.Count; j++)
            {
                seenLow[j] = Math.Min(seenLow[j], result.Point[j]);
                seenHigh[j] = Math.Max(seenHigh[j], result.Point[j]);
            }
        }
    }

    /// <summary>The largest value a suppressed cell can take given the release (+infinity when unbounded; NaN when nothing agrees).</summary>
    internal static double MaximumOf(Publication publication, int cell)
    {
        var (group, relations) = SuppressedGroups(publication).Single(g => g.Cells.Contains(cell));
        var objective = new double[group.Count];
        objective[group.IndexOf(cell)] = 1;
        return PolytopeOf(publication.Cells, group, relations).Maximize(objective).Value;
    }

    // Non-negative values of the group's cells that satisfy its relations, released counts moved to the right.
    private static EqualityPolytope PolytopeOf(IReadOnlyList<PublishedCell> cells, List<int> group, List<LinearRelation> relations)
    {
        var variableOf = group.Select((cell, k) => (cell, k)).ToDictionary(p => p.cell, p => p.k);
        var rows = new List<IReadOnlyList<double>>();
        var rightHandSides = new List<double>();
        foreach (var relation in relations)
        {
            var row = new double[group.Count];
            var rhs = 0.0;
            foreach (var (cell, coefficient) in relation.Coefficients())
            {
                if (variableOf.TryGetValue(cell, out var k))
                    row[k] += coefficient;
                else
                    rhs -= coefficient * (double)cells[cell].Count!.Value;
            }
            rows.Add(row);
            rightHandSides.Add(rhs);
        }
        return new EqualityPolytope(rows, rightHandSides, group.Count);
    }

    // The suppressed cells in groups joined by relations that hold two of them, each with its relations.
    private static IEnumerable<(List<int> Cells, List<LinearRelation> Relations)> SuppressedGroups(Publication publication)
    {
        var cells = publication.Cells;
        var parent = Enumerable.Range(0, cells.Count).ToArray();
        int Find(int c) => parent[c] == c ? c : parent[c] = Find(parent[c]);
        var withSuppressed = publication.Relations.Where(r => r.Cells.Any(c => cells[c].IsSuppressed)).ToList();
        foreach (var relation in withSuppressed)
        {
            var suppressed = relation.Cells.Where(c => cells[c].IsSuppressed).ToList();
            foreach (var other in suppressed.Skip(1))
                parent[Find(other)] = Find(suppressed[0]);
        }
        var relationsOf = withSuppressed.GroupBy(r => Find(r.Cells.First(c => cells[c].IsSuppressed))).ToDictionary(g => g.Key, g => g.ToList());
        return Enumerable.Range(0, cells.Count)
            .Where(c => cells[c].IsSuppressed)
            .GroupBy(Find)
            .Select(g => (g.ToList(), relationsOf.GetValueOrDefault(g.Key) ?? []));
    }
}
