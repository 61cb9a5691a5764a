namespace HealthStats.Warehouse.Suppression;

/// <summary>An extract's tables after suppression: why each cell is withheld (null: released), and the audit that passed.</summary>
public sealed class SuppressedTables(LinkedTables tables, SuppressionPolicy policy, IReadOnlyList<SuppressionReason?> reasons, AuditReport audit)
{
    public LinkedTables Tables { get; } = tables;

    public SuppressionPolicy Policy { get; } = policy;

    public IReadOnlyList<SuppressionReason?> Reasons { get; } = reasons;

    public AuditReport Audit { get; } = audit;

    /// <summary>How suppression was done, in words for the extract's manifest.</summary>
    public string Method =>
        $"Policy {Policy.Name}: counts from 1 to {Policy.Threshold - 1} suppressed" +
        (Policy.SuppressZeros ? ", and zero counts" : ", zero counts released") +
        (Policy.MinimumRegionPopulation is { } minimum ? $"; every cell of a region with fewer than {minimum} people suppressed" : "") +
        "; every value derived from a suppressed count suppressed with it. " +
        $"Protection: every suppressed count's feasible interval, from everything the extract releases, at least {Policy.RequiredWidth} wide. " +
        ComplementarySuppression.Method;

    public bool IsSuppressed(int cell) => Reasons[cell] is not null;

    public int CountOf(SuppressionReason reason) => Reasons.Count(r => r == reason);

    public Publication Publish() => Publication.Of(Tables, Reasons.Select(r => r is not null).ToList());
}
