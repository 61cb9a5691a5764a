namespace HealthStats.Warehouse.Classification;

/// <summary>
/// One row of a classification file. <see cref="Chapter"/> and <see cref="Block"/> are what the file says, if
/// anything; the store derives them from the ICD-10 structure or the ICD-10-PCS sections where the file is silent.
/// </summary>
public sealed record ClassificationCode(string Code, string Title, bool Billable, string? Chapter = null, string? Block = null);
