namespace HealthStats.Warehouse.Suppression.LinearProgramming;

internal enum LinearProgramStatus
{
    Optimal,
    Infeasible,
    Unbounded,
}
