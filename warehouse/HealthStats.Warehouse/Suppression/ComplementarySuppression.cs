using HealthStats.Warehouse.Suppression.LinearProgramming;

namespace HealthStats.Warehouse.Suppression;

/// <summary>
/// Chooses the cells to suppress beside the primary ones so that the auditor passes: no suppressed
/// count can be placed by a reader in an interval narrower than the policy's protection width.
/// </summary>
/// <remarks>
/// A cell p is protected when the release admits a table in which p is larger by the width W: its
/// feasible interval then reaches from at most its count to at least its count + W. Such a table
/// differs from the true one by a perturbation y with y[p] = W that keeps every relation (A y = 0)
/// and every count non-negative (y >= -count), and that changes no released cell. So for each cell the
/// audit finds too narrow, a linear program finds the cheapest such perturbation where released cells
/// may change at a price, and the cells it changes are suppressed. The price of changing a released
/// cell by one is 1 + count / (1 + the sum of all counts), suppressed cells being free: a perturbation
/// moves each cell it touches by about W, so this costs first the number of new cells and then their
/// counts. The audit runs again after each round (a new complement is itself a suppressed cell to
/// protect) until it passes. Each round suppresses at least one more cell, so it ends, at worst with
/// every cell suppressed. Last, complementary cells are released again one by one, the largest counts
/// first, wherever the audit still passes without them, since protecting one cell after another can
/// leave some cells that later choices made unnecessary.
/// This is a heuristic: it does not prove the fewest cells, which is an integer program.
/// </remarks>
public static class ComplementarySuppression
{
    private const double ChangeTolerance = 1e-7;

    public const string Method =
        "Complementary suppression by linear programming: for each suppressed cell whose feasible interval is narrower than the protection width W, " +
        "the cheapest perturbation of the tables that raises the cell by W while keeping every relation, every count non-negative and every released count unchanged " +
        "(price per unit change of a released cell: 1 + count / (1 + sum of all counts); suppressed cells free) is found, and the cells it changes are suppressed; " +
        "repeated until the audit passes, then complementary cells are released again, largest counts first, wherever the audit still passes.";

    public static SuppressionReason?[] Apply(LinkedTables tables, SuppressionPolicy policy, IReadOnlyList<SuppressionReason?> primary)
    {
        if (primary.Count != tables.Cells.Count)
            throw new ArgumentException($"{primary.Count} primary reasons for {tables.Cells.Count} cells");
        var reasons = primary.ToArray();
        var suppressed = reasons.Select(r => r is not null).ToArray();
        var width = policy.RequiredWidth;
        var totalCount = tables.Cells.Sum(c => (double)c.Count);
        var prices = tables.Cells.Select(c => 1 + c.Count / (1 + totalCount)).ToArray();

        while (true)
        {
            var report = Audit(tables, suppressed, width);
            if (report.Passed)
                break;
            var added = false;
            foreach (var cell in report.Findings.Select(f => f.Cell).Distinct())
            {
                // Complements chosen for an earlier cell of this round often protect this one too, which
                // the audit's small program tells more cheaply than the perturbation's large one.
                if (DisclosureAuditor.MaximumOf(Publication.Of(tables, suppressed), cell) >= tables.Cells[cell].Count + width - ChangeTolerance)
                    continue;
                foreach (var complement in CheapestPerturbation(tables, suppressed, prices, cell, width))
                {
                    suppressed[complement] = true;
                    reasons[complement] = SuppressionReason.Complementary;
                    added = true;
                }
            }
            // Each failing cell's program must change a released cell; if rounding hid that, stop rather than loop.
            if (!added)
                throw new InvalidOperationException($"complementary suppression found nothing more to suppress, yet: {report}");
        }

        var complements = Enumerable.Range(0, reasons.Length)
            .Where(i => reasons[i] == SuppressionReason.Complementary)
            .OrderByDescending(i => tables.Cells[i].Count).ThenBy(i => i)
            .ToList();
        foreach (var cell in complements)
        {
            suppressed[cell] = false;
            if (Audit(tables, suppressed, width).Passed)
                reasons[cell] = null;
            else
                suppressed[cell] = true;
        }
        return reasons;
    }

    private static AuditReport Audit(LinkedTables tables, bool[] suppressed, int width)
    {
        var report = DisclosureAuditor.Audit(Publication.Of(tables, suppressed), width, exactIntervals: false);
        // The true counts satisfy every relation, so the only findings can be narrow intervals.
        if (report.Findings.FirstOrDefault(f => f.Cell < 0 || !suppressed[f.Cell]) is { } other)
            throw new InvalidOperationException($"the tables cannot be protected: {other.Problem}");
        return report;
    }

    // The released cells that the cheapest perturbation raising `target` by `width` changes.
    private static List<int> CheapestPerturbation(LinkedTables tables, bool[] suppressed, double[] prices, int target, int width)
    {
        var cells = tables.Cells;
        // Lowering a count below zero is ruled out by a bound row per cell; rows for large counts are
        // added only when a solution needs them, since a perturbation of size W rarely reaches them.
        var bounded = Enumerable.Range(0, cells.Count).Where(j => cells[j].Count > 0 && cells[j].Count < 2 * width).ToHashSet();
        while (true)
        {
            var up = new int[cells.Count];
            var down = new int[cells.Count];
            var variables = 0;
            for (var j = 0; j < cells.Count; j++)
            {
                up[j] = j == target ? -1 : variables++;
                down[j] = j == target || cells[j].Count == 0 ? -1 : variables++;
            }
            var slackOf = bounded.Where(j => down[j] >= 0).Order().ToDictionary(j => j, _ => variables++);

            var rows = new List<IReadOnlyList<double>>();
            var rightHandSides = new List<double>();
            foreach (var relation in tables.Relations)
            {
                var row = new double[variables];
                var rhs = 0.0;
                foreach (var (cell, coefficient) in relation.Coefficients())
                {
                    if (cell == target)
                    {
                        rhs -= coefficient * width;
                        continue;
                    }
                    row[up[cell]] += coefficient;
                    if (down[cell] >= 0)
                        row[down[cell]] -= coefficient;
                }
                rows.Add(row);
                rightHandSides.Add(rhs);
            }
            foreach (var (cell, slack) in slackOf)
            {
                var row = new double[variables];
                row[down[cell]] = 1;
                row[slack] = 1;
                rows.Add(row);
                rightHandSides.Add(cells[cell].Count);
            }

            var cost = new double[variables];
            for (var j = 0; j < cells.Count; j++)
            {
                var price = suppressed[j] ? 0 : prices[j];
                if (up[j] >= 0)
                    cost[up[j]] = price;
                if (down[j] >= 0)
                    cost[down[j]] = price;
            }

            var result = new EqualityPolytope(rows, rightHandSides, variables).Minimize(cost);
            if (result.Status != LinearProgramStatus.Optimal)
                throw new InvalidOperationException(
                    $"{cells[target].Label} cannot be protected: the relations fix it whatever else is suppressed");

            var overdrawn = Enumerable.Range(0, cells.Count)
                .Where(j => down[j] >= 0 && !bounded.Contains(j) && result.Point[down[j]] > cells[j].Count + ChangeTolerance)
                .ToList();
            if (overdrawn.Count > 0)
            {
                bounded.UnionWith(overdrawn);
                continue;
            }
            return Enumerable.Range(0, cells.Count)
                .Where(j => j != target && !suppressed[j])
                .Where(j => Math.Abs(result.Point[up[j]] - (down[j] >= 0 ? result.Point[down[j]] : 0)) > ChangeTolerance)
                .ToList();
        }
    }
}
