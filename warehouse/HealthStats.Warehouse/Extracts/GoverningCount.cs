namespace HealthStats.Warehouse.Extracts;

/// <summary>
/// A count of people (or of their stays, abstracts, records) behind an indicator's cells, which
/// suppression judges and protects: its column in the extract, what it counts, the measure (cells of one
/// measure with the same filters at the same codes are the same number, whichever table releases them),
/// and where it is read: a field of the indicator's rows, or of another indicator's rows over the same source.
/// </summary>
public sealed record GoverningCount(string Column, string Measure, string Definition, CountField Field, string? FromIndicator = null);
