namespace HealthStats.Warehouse.Suppression;

/// <summary>Suppression of an extract's tables: primary, then complementary, then the audit that must pass.</summary>
public static class TableSuppression
{
    public static SuppressedTables Apply(
        LinkedTables tables, SuppressionPolicy policy, IReadOnlyDictionary<string, long>? regionPopulations = null)
    {
        var primary = PrimarySuppression.Apply(tables, policy, regionPopulations);
        var reasons = ComplementarySuppression.Apply(tables, policy, primary);
        var audit = DisclosureAuditor.Audit(Publication.Of(tables, reasons.Select(r => r is not null).ToList()), policy);
        if (!audit.Passed)
            throw new InvalidOperationException($"suppression left cells unprotected: {audit}");
        return new SuppressedTables(tables, policy, reasons, audit);
    }
}
