namespace HealthStats.Warehouse.Suppression;

/// <summary>The auditor's answer: the feasible interval of every suppressed cell, and what is given away.</summary>
public sealed record AuditReport(IReadOnlyList<FeasibleInterval> Intervals, IReadOnlyList<AuditFinding> Findings)
{
    public bool Passed => Findings.Count == 0;

    public FeasibleInterval IntervalOf(int cell) =>
        Intervals.FirstOrDefault(i => i.Cell == cell) ?? throw new ArgumentException($"cell {cell} is not suppressed");

    public override string ToString() =>
        Passed ? $"passed: {Intervals.Count} suppressed cells protected" : string.Join(Environment.NewLine, Findings.Select(f => f.Problem));
}
