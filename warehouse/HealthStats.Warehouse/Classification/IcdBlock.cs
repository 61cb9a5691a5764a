namespace HealthStats.Warehouse.Classification;

/// <summary>
/// One range of an ICD-10 block (such as <c>J09-J18</c>, Influenza and pneumonia). A block whose ICD-10-CM
/// categories include one with a letter in third place that sorts elsewhere (C4A, M1A) has several ranges,
/// each an <see cref="IcdBlock"/> with the same <see cref="Id"/>. <see cref="WhoBlock"/> is the WHO block it
/// comes from (widened for ICD-10-CM when the ids differ), null for a block only ICD-10-CM has.
/// </summary>
public sealed record IcdBlock(string Id, string Title, string ChapterId, string FirstCategory, string LastCategory, string? WhoBlock);
