using HealthStats.Warehouse.Suppression;

namespace HealthStats.Warehouse.Extracts;

/// <summary>
/// How an extract's tables are suppressed: TableSuppression.Apply, unless a test puts a broken step in
/// its place to prove that the extract's own audit refuses what it lets through.
/// </summary>
public delegate SuppressedTables SuppressionStep(LinkedTables tables, SuppressionPolicy policy, IReadOnlyDictionary<string, long>? regionPopulations);
