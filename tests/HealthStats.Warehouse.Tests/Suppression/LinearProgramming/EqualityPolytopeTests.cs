using HealthStats.Warehouse.Suppression.LinearProgramming;

namespace HealthStats.Warehouse.Tests.Suppression.LinearProgramming;

/// <summary>The simplex on linear programs with known optima, on infeasible, unbounded, redundant and degenerate ones, and against brute force.</summary>
public sealed class EqualityPolytopeTests
{
    private static EqualityPolytope Polytope(double[][] a, double[] b) => new(a, b, a[0].Length);

    [Fact]
    public void Maximize_FindsTheTextbookOptimum_WhenSlacksMakeTheStartFeasible()
    {
        // Wyndor Glass: max 3x + 5y, x <= 4, 2y <= 12, 3x + 2y <= 18 -> 36 at (2, 6). Columns x, y, s1, s2, s3.
        var polytope = Polytope(
            [[1, 0, 1, 0, 0], [0, 2, 0, 1, 0], [3, 2, 0, 0, 1]],
            [4, 12, 18]);

        var result = polytope.Maximize([3, 5, 0, 0, 0]);

        Assert.Equal(LinearProgramStatus.Optimal, result.Status);
        Assert.Equal(36, result.Value, 9);
        Assert.Equal(2, result.Point[0], 9);
        Assert.Equal(6, result.Point[1], 9);
    }

    [Fact]
    public void Minimize_FindsTheOptimum_WhenPhaseOneMustFindAStart()
    {
        // min 2x + 3y, x + y >= 4, x + 3y >= 6 -> 9 at (3, 1). Columns x, y, surplus1, surplus2.
        var polytope = Polytope([[1, 1, -1, 0], [1, 3, 0, -1]], [4, 6]);

        var result = polytope.Minimize([2, 3, 0, 0]);

        Assert.Equal(9, result.Value, 9);
        Assert.Equal(3, result.Point[0], 9);
        Assert.Equal(1, result.Point[1], 9);
    }

    [Fact]
    public void Minimize_IsInfeasible_WhenTheEquationsContradictNonNegativity()
    {
        Assert.True(Polytope([[1, 1]], [-1]).IsEmpty);
        Assert.Equal(LinearProgramStatus.Infeasible, Polytope([[1, 1], [1, 1]], [1, 2]).Minimize([1, 0]).Status);
    }

    [Fact]
    public void Maximize_IsUnbounded_WhenTheObjectiveGrowsAlongARay()
    {
        var result = Polytope([[1, -1]], [1]).Maximize([1, 0]);

        Assert.Equal(LinearProgramStatus.Unbounded, result.Status);
        Assert.Equal(double.PositiveInfinity, result.Value);
    }

    [Fact]
    public void Minimize_DropsRedundantEquations()
    {
        var polytope = Polytope([[1, 1], [2, 2], [3, 3]], [2, 4, 6]);

        var result = polytope.Minimize([1, -1]);

        Assert.Equal(-2, result.Value, 9);
        Assert.Equal(2, result.Point[1], 9);
    }

    [Fact]
    public void Minimize_DoesNotCycle_OnBealesDegenerateExample()
    {
        // Beale (1955): Dantzig's rule with the usual ties cycles here; the optimum is -1/20.
        var polytope = Polytope(
            [
                [1, 0, 0, 0.25, -60, -1.0 / 25, 9],
                [0, 1, 0, 0.5, -90, -1.0 / 50, 3],
                [0, 0, 1, 0, 0, 1, 0],
            ],
            [0, 0, 1]);

        var result = polytope.Minimize([0, 0, 0, -0.75, 150, -1.0 / 50, 6]);

        Assert.Equal(LinearProgramStatus.Optimal, result.Status);
        Assert.Equal(-0.05, result.Value, 9);
    }

    [Fact]
    public void Minimize_AgreesWithEveryBasicSolution_OnRandomSmallPrograms()
    {
        var random = new Random(20_251_125);
        for (var trial = 0; trial < 300; trial++)
        {
            var m = random.Next(1, 4);
            var n = random.Next(m + 1, 7);
            // The last row keeps the polytope bounded: the variables add up to 10.
            var a = Enumerable.Range(0, m).Select(_ => Enumerable.Range(0, n).Select(_ => (double)random.Next(-3, 4)).ToArray())
                .Append(Enumerable.Repeat(1.0, n).ToArray()).ToArray();
            var x = Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.4 ? 0 : random.Next(0, 5)).Select(v => (double)v).ToArray();
            var scale = 10 / Math.Max(1, x.Sum());
            var b = a.Select((row, i) => i == m ? 10 : row.Zip(x, (c, v) => c * v * scale).Sum()).ToArray();
            if (x.Sum() == 0)
                b = a.Select((row, i) => i == m ? 10.0 : row.Sum() * 10 / n).ToArray();
            var c = Enumerable.Range(0, n).Select(_ => (double)random.Next(-5, 6)).ToArray();

            var result = Polytope(a, b).Minimize(c);
            var expected = BruteForceMinimum(a, b, c);

            Assert.Equal(LinearProgramStatus.Optimal, result.Status);
            Assert.Equal(expected, result.Value, 6);
        }
    }

    // The minimum over every basic feasible solution: each choice of as many columns as independent rows.
    private static double BruteForceMinimum(double[][] a, double[] b, double[] c)
    {
        var n = c.Length;
        var best = double.PositiveInfinity;
        for (var size = 1; size <= Math.Min(a.Length, n); size++)
        {
            foreach (var columns in Choose(Enumerable.Range(0, n).ToList(), size))
            {
                var solution = SolveOnColumns(a, b, columns);
                if (solution is null || solution.Any(v => v < -1e-9))
                    continue;
                var full = new double[n];
                for (var k = 0; k < columns.Count; k++)
                    full[columns[k]] = solution[k];
                if (a.Select((row, i) => Math.Abs(row.Zip(full, (p, q) => p * q).Sum() - b[i])).Max() > 1e-7)
                    continue;
                best = Math.Min(best, c.Zip(full, (p, q) => p * q).Sum());
            }
        }
        return best;
    }

    // Gaussian elimination on the chosen columns; null where they are dependent.
    private static double[]? SolveOnColumns(double[][] a, double[] b, IReadOnlyList<int> columns)
    {
        var rows = a.Select((row, i) => columns.Select(j => row[j]).Append(b[i]).ToArray()).ToList();
        var k = columns.Count;
        for (var col = 0; col < k; col++)
        {
            var pivot = Enumerable.Range(col, rows.Count - col).OrderByDescending(r => Math.Abs(rows[r][col])).First();
            if (Math.Abs(rows[pivot][col]) < 1e-9)
                return null;
            (rows[col], rows[pivot]) = (rows[pivot], rows[col]);
            for (var r = 0; r < rows.Count; r++)
            {
                if (r == col)
                    continue;
                var factor = rows[r][col] / rows[col][col];
                for (var j = col; j <= k; j++)
                    rows[r][j] -= factor * rows[col][j];
            }
        }
        return Enumerable.Range(0, k).Select(i => rows[i][k] / rows[i][i]).ToArray();
    }

    private static IEnumerable<List<int>> Choose(List<int> items, int size)
    {
        if (size == 0)
        {
            yield return [];
            yield break;
        }
        for (var i = 0; i <= items.Count - size; i++)
        {
            foreach (var rest in Choose(items.Skip(i + 1).ToList(), size - 1))
                yield return rest.Prepend(items[i]).ToList();
        }
    }
}
