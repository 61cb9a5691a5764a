namespace HealthStats.Etl.Audit;

/// <summary>
/// One entry of the audit log: who (Actor), when (Time, UTC), what (Action and Target), from where
/// (Source), chained to the entry before it by PreviousHash and sealed by Hash.
/// </summary>
public sealed record AuditEntry(
    long Sequence,
    DateTimeOffset Time,
    string Actor,
    string Action,
    string Target,
    string Source,
    string PreviousHash,
    string Hash);
