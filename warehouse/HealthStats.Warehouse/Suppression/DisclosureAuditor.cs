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
/// </remarks>
public static class DisclosureAuditor
{
    private const double RoundingTolerance = 1e-6;

    public static AuditReport Audit(Publication publication, SuppressionPolicy policy) => Audit(publication, policy.RequiredWidth);

    public static AuditReport Audit(Publication publication, int requiredWidth)
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

        var suppressed = Enumerable.Range(0, cells.Count).Where(i => cells[i].IsSuppressed).ToList();
        var variableOf = suppressed.Select((cell, k) => (cell, k)).ToDictionary(p => p.cell, p => p.k);
        var rows = new List<IReadOnlyList<double>>();
        var rightHandSides = new List<double>();
        foreach (var relation in publication.Relations)
        {
            var row = new double[suppressed.Count];
            var rhs = 0.0;
            var free = false;
            foreach (var (cell, coefficient) in relation.Coefficients())
            {
                if (variableOf.TryGetValue(cell, out var k))
                {
                    row[k] += coefficient;
                    free |= coefficient != 0;
                }
                else
                {
                    rhs -= coefficient * (double)cells[cell].Count!.Value;
                }
            }
            if (free)
            {
                rows.Add(row);
                rightHandSides.Add(rhs);
            }
            else if (rhs != 0)
            {
                findings.Add(new AuditFinding(relation.Total,
                    $"{cells[relation.Total].Label}: the released counts contradict its {relation.Kind} relation"));
            }
        }

        var polytope = new EqualityPolytope(rows, rightHandSides, suppressed.Count);
        if (polytope.IsEmpty)
        {
            findings.Add(new AuditFinding(-1, "no table of non-negative counts agrees with the released counts and relations"));
            return new AuditReport([], findings);
        }

        var intervals = new List<FeasibleInterval>();
        var objective = new double[suppressed.Count];
        for (var k = 0; k < suppressed.Count; k++)
        {
            objective[k] = 1;
            var min = polytope.Minimize(objective);
            var max = polytope.Maximize(objective);
            objective[k] = 0;
            var low = Math.Max(0, Math.Ceiling(min.Value - RoundingTolerance));
            var high = double.IsPositiveInfinity(max.Value) ? double.PositiveInfinity : Math.Floor(max.Value + RoundingTolerance);
            var interval = new FeasibleInterval(suppressed[k], low, high);
            intervals.Add(interval);
            if (interval.Width < requiredWidth)
                findings.Add(new AuditFinding(suppressed[k],
                    $"{cells[suppressed[k]].Label}: a reader can place it in [{low}, {high}], narrower than {requiredWidth}"));
        }
        return new AuditReport(intervals, findings);
    }
}
