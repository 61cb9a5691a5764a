namespace HealthStats.Warehouse.Suppression.LinearProgramming;

/// <summary>The outcome of one minimisation: the optimum and a point reaching it when Optimal.</summary>
internal sealed record LinearProgramResult(LinearProgramStatus Status, double Value, IReadOnlyList<double> Point)
{
    public static LinearProgramResult Infeasible { get; } = new(LinearProgramStatus.Infeasible, double.NaN, []);

    public static LinearProgramResult Unbounded { get; } = new(LinearProgramStatus.Unbounded, double.NegativeInfinity, []);
}
