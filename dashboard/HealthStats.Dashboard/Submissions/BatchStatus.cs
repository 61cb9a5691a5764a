using HealthStats.Warehouse.Build;

namespace HealthStats.Dashboard.Submissions;

/// <summary>
/// A batch in a word, for the data page. Every batch in meta.batches is committed (a failed file never becomes one:
/// it goes to the inbox's failed folder), so the status says how much of the file got in, not whether it ran.
/// </summary>
public static class BatchStatus
{
    public static string Of(BatchRecord batch) => batch switch
    {
        { Received: 0 } => "empty",
        { Quarantined: var q, Received: var r } when q == r => "all quarantined",
        { Quarantined: > 0 } => "partly quarantined",
        { Warnings: > 0 } => "loaded with warnings",
        _ => "loaded",
    };
}
