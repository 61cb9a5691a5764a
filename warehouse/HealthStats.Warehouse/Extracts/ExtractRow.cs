namespace HealthStats.Warehouse.Extracts;

/// <summary>
/// A row of an extract table: its dimension columns' values ("Total" for a total or subtotal), and the
/// suppression cells that hold its counts and the values derived from them.
/// </summary>
public sealed record ExtractRow(IReadOnlyList<string?> Dimensions, int Cell, int? DenominatorCell);
