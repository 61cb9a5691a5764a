namespace HealthStats.Warehouse.Suppression.LinearProgramming;

/// <summary>
/// The set { x >= 0 : A x = b }, over which linear objectives are minimised by a dense two-phase
/// simplex. Phase 1 runs once, in the constructor, so that the auditor's two LPs per suppressed cell
/// start from the same feasible basis instead of finding one again each time.
/// </summary>
/// <remarks>
/// Doubles with tolerances are exact enough here: the coefficients are small integers (0, ±1) and the
/// right-hand sides are counts, so pivots stay well conditioned for tables of a few hundred cells.
/// Pivoting follows Dantzig's rule (most negative reduced cost) and falls back to Bland's rule after a
/// run of degenerate pivots, which cannot cycle.
/// </remarks>
internal sealed class EqualityPolytope
{
    private const double PivotTolerance = 1e-9;
    private const int DegeneratePivotsBeforeBland = 50;

    private readonly int variables;
    private readonly double feasibilityTolerance;
    private readonly double[][] rows = [];   // each row: coefficients of the variables, then the right-hand side
    private readonly int[] basis = [];

    public EqualityPolytope(IReadOnlyList<IReadOnlyList<double>> a, IReadOnlyList<double> b, int variables)
    {
        if (a.Count != b.Count)
            throw new ArgumentException($"{a.Count} rows of coefficients but {b.Count} right-hand sides");
        if (a.Any(row => row.Count != variables))
            throw new ArgumentException($"every row of coefficients needs {variables} entries");
        this.variables = variables;
        feasibilityTolerance = 1e-7 * (1 + b.Select(Math.Abs).DefaultIfEmpty(0).Max());

        var m = a.Count;
        var width = variables + m + 1; // the variables, one artificial per row, the right-hand side
        var phase1 = new double[m][];
        for (var i = 0; i < m; i++)
        {
            var sign = b[i] < 0 ? -1.0 : 1.0; // artificials start basic at |b|, so the rows are made non-negative
            var row = new double[width];
            for (var j = 0; j < variables; j++)
                row[j] = sign * a[i][j];
            row[variables + i] = 1;
            row[^1] = sign * b[i];
            phase1[i] = row;
        }
        var phase1Basis = Enumerable.Range(variables, m).ToArray();
        var cost = new double[width - 1];
        for (var i = 0; i < m; i++)
            cost[variables + i] = 1;

        var (status, value) = Optimise(phase1, phase1Basis, cost);
        if (status != LinearProgramStatus.Optimal || value > feasibilityTolerance)
        {
            IsEmpty = true;
            return;
        }
        (rows, basis) = DropArtificials(phase1, phase1Basis);
    }

    public bool IsEmpty { get; }

    public int Variables => variables;

    /// <summary>Minimises c x over the polytope.</summary>
    public LinearProgramResult Minimize(IReadOnlyList<double> c)
    {
        if (c.Count != variables)
            throw new ArgumentException($"the objective needs {variables} coefficients, not {c.Count}");
        if (IsEmpty)
            return LinearProgramResult.Infeasible;
        var tableau = rows.Select(r => (double[])r.Clone()).ToArray();
        var tableauBasis = (int[])basis.Clone();
        var (status, value) = Optimise(tableau, tableauBasis, c);
        if (status == LinearProgramStatus.Unbounded)
            return LinearProgramResult.Unbounded;
        var point = new double[variables];
        for (var i = 0; i < tableau.Length; i++)
            point[tableauBasis[i]] = tableau[i][^1];
        return new LinearProgramResult(LinearProgramStatus.Optimal, value, point);
    }

    /// <summary>Maximises c x over the polytope (the value is +infinity when unbounded).</summary>
    public LinearProgramResult Maximize(IReadOnlyList<double> c)
    {
        var result = Minimize(c.Select(v => -v).ToArray());
        return result.Status switch
        {
            LinearProgramStatus.Optimal => result with { Value = -result.Value },
            LinearProgramStatus.Unbounded => result with { Value = double.PositiveInfinity },
            _ => result,
        };
    }

    // Primal simplex from a feasible basis on a tableau already in canonical form for that basis.
    private static (LinearProgramStatus Status, double Value) Optimise(double[][] tableau, int[] basis, IReadOnlyList<double> cost)
    {
        var n = cost.Count;
        var reduced = new double[n + 1]; // reduced costs, then minus the objective value
        for (var j = 0; j < n; j++)
            reduced[j] = cost[j];
        for (var i = 0; i < tableau.Length; i++)
        {
            var cb = cost[basis[i]];
            if (cb == 0)
                continue;
            var row = tableau[i];
            for (var j = 0; j <= n; j++)
                reduced[j] -= cb * row[j];
        }
        var costScale = 1 + cost.Select(Math.Abs).DefaultIfEmpty(0).Max();
        var optimality = 1e-9 * costScale;

        var degenerateRun = 0;
        var maxIterations = 50_000 + 100 * (n + tableau.Length);
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            var bland = degenerateRun >= DegeneratePivotsBeforeBland;
            var entering = -1;
            for (var j = 0; j < n; j++)
            {
                if (reduced[j] >= -optimality)
                    continue;
                if (entering < 0 || (!bland && reduced[j] < reduced[entering]))
                    entering = j;
                if (bland)
                    break;
            }
            if (entering < 0)
                return (LinearProgramStatus.Optimal, -reduced[n]);

            var leaving = -1;
            var bestRatio = double.PositiveInfinity;
            for (var i = 0; i < tableau.Length; i++)
            {
                var entry = tableau[i][entering];
                if (entry <= PivotTolerance)
                    continue;
                var ratio = Math.Max(0, tableau[i][n]) / entry;
                if (leaving < 0 || ratio < bestRatio - 1e-12)
                {
                    leaving = i;
                    bestRatio = ratio;
                }
                else if (ratio <= bestRatio + 1e-12 && basis[i] < basis[leaving])
                {
                    // Ties go to the smallest basic variable, as Bland's rule needs.
                    leaving = i;
                    bestRatio = Math.Min(bestRatio, ratio);
                }
            }
            if (leaving < 0)
                return (LinearProgramStatus.Unbounded, double.NegativeInfinity);
            degenerateRun = bestRatio <= 1e-12 ? degenerateRun + 1 : 0;
            Pivot(tableau, basis, reduced, leaving, entering);
        }
        throw new InvalidOperationException($"the simplex did not finish within {maxIterations} pivots");
    }

    private static void Pivot(double[][] tableau, int[] basis, double[]? reduced, int pivotRow, int pivotColumn)
    {
        var prow = tableau[pivotRow];
        var inverse = 1 / prow[pivotColumn];
        // Tables' relations are sparse: eliminate along the pivot row's non-zero columns only.
        var nonZero = new List<int>();
        for (var j = 0; j < prow.Length; j++)
        {
            if (prow[j] == 0)
                continue;
            prow[j] *= inverse;
            nonZero.Add(j);
        }
        prow[pivotColumn] = 1;
        for (var i = 0; i < tableau.Length; i++)
        {
            if (i != pivotRow)
                Eliminate(tableau[i], prow, nonZero, pivotColumn);
        }
        if (reduced is not null)
            Eliminate(reduced, prow, nonZero, pivotColumn);
        basis[pivotRow] = pivotColumn;
    }

    private static void Eliminate(double[] row, double[] pivotRow, List<int> nonZero, int pivotColumn)
    {
        var factor = row[pivotColumn];
        if (factor == 0)
            return;
        foreach (var j in nonZero)
            row[j] -= factor * pivotRow[j];
        row[pivotColumn] = 0;
    }

    // After phase 1: pivot the artificials still basic (at zero) out where a real variable can replace
    // them; a row where none can is a redundant equation and goes. Then the artificial columns go.
    private (double[][] Rows, int[] Basis) DropArtificials(double[][] tableau, int[] tableauBasis)
    {
        var keep = new List<int>();
        for (var i = 0; i < tableau.Length; i++)
        {
            if (tableauBasis[i] < variables)
            {
                keep.Add(i);
                continue;
            }
            var row = tableau[i];
            var column = -1;
            for (var j = 0; j < variables; j++)
            {
                if (Math.Abs(row[j]) > PivotTolerance && (column < 0 || Math.Abs(row[j]) > Math.Abs(row[column])))
                    column = j;
            }
            if (column < 0)
                continue;
            Pivot(tableau, tableauBasis, null, i, column);
            keep.Add(i);
        }
        var kept = keep.Select(i =>
        {
            var row = new double[variables + 1];
            Array.Copy(tableau[i], row, variables);
            row[variables] = Math.Max(0, tableau[i][^1]);
            return row;
        }).ToArray();
        return (kept, keep.Select(i => tableauBasis[i]).ToArray());
    }
}
