using SQLite;

namespace HealthStats.Etl.Audit;

/// <summary>A row of the audit_log table, as sqlite-net reads it (time in Unix milliseconds, UTC).</summary>
internal sealed class AuditRow
{
    [Column("sequence")] public long Sequence { get; set; }

    [Column("time")] public long Time { get; set; }

    [Column("actor")] public string Actor { get; set; } = "";

    [Column("action")] public string Action { get; set; } = "";

    [Column("target")] public string Target { get; set; } = "";

    [Column("source")] public string Source { get; set; } = "";

    [Column("previous_hash")] public string PreviousHash { get; set; } = "";

    [Column("hash")] public string Hash { get; set; } = "";

    public AuditEntry ToEntry() =>
        new(Sequence, DateTimeOffset.FromUnixTimeMilliseconds(Time), Actor, Action, Target, Source, PreviousHash, Hash);
}
