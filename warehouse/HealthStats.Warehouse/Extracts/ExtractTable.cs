using HealthStats.Warehouse.Indicators;

namespace HealthStats.Warehouse.Extracts;

/// <summary>One table of an extract, computed: its columns and rows, the rows pointing at the cells that suppression judged.</summary>
public sealed record ExtractTable(ExtractTableSpec Spec, Indicator Indicator, IndicatorCounts Counts, IReadOnlyList<ExtractColumn> Columns, IReadOnlyList<ExtractRow> Rows);
