namespace HealthStats.Warehouse.Classification;

/// <summary>
/// An ICD-10 chapter: its roman numeral, title and range of 3-character categories (inclusive, ordinal).
/// <see cref="WhoRange"/> is the WHO range, where the range here is wider to hold ICD-10-CM categories (C00-D48 against C00-D49).
/// </summary>
public sealed record IcdChapter(string Id, string Title, string FirstCategory, string LastCategory, string WhoRange);
