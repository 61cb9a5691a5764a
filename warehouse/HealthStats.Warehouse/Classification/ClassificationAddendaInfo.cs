namespace HealthStats.Warehouse.Classification;

/// <summary>
/// The addenda imported for a classification version: counts of their lines, and the dates they describe
/// (<see cref="CoversFrom"/> to <see cref="CoversTo"/>, the year before the version's effective_from). <see cref="ImportedAt"/> is UTC.
/// </summary>
public sealed record ClassificationAddendaInfo(
    int VersionId,
    ClassificationKind Kind,
    string Version,
    string Source,
    int Additions,
    int Deletions,
    int Revisions,
    DateOnly CoversFrom,
    DateOnly CoversTo,
    DateTime ImportedAt)
{
    /// <summary>
    /// Addenda describe the change from the previous fiscal year, so they speak for one year before the version: from
    /// effective_from minus one year to the day before effective_from.
    /// </summary>
    public static (DateOnly From, DateOnly To) Coverage(DateOnly effectiveFrom) => (effectiveFrom.AddYears(-1), effectiveFrom.AddDays(-1));
}
