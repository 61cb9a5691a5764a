namespace HealthStats.Warehouse.Extracts;

/// <summary>
/// The counts suppression applies to for one indicator: the count that governs each cell (suppressed
/// small, and every value of the row with it), and the denominator where that is itself a count of
/// people (in-hospital mortality's discharges), released as a count of its own and protected as one.
/// A distribution (ShareOf) has as denominator its total over that dimension, another cell of the table.
/// </summary>
public sealed record IndicatorCounts(GoverningCount Count, GoverningCount? Denominator = null, string? ShareOf = null);
