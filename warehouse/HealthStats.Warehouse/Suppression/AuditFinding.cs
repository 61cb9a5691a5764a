namespace HealthStats.Warehouse.Suppression;

/// <summary>Something a publication gives away, about one cell (or -1 for the publication as a whole).</summary>
public sealed record AuditFinding(int Cell, string Problem);
