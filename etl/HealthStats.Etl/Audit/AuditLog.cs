using HealthStats.Warehouse.Storage;
using HealthStats.Etl.Secrets;
using SQLite;

namespace HealthStats.Etl.Audit;

/// <summary>
/// The audit log: an append-only, hash-chained table in its own SQLite file (secrets/audit.db,
/// owner-only). Not the warehouse, which one process holds, and not a JSON Lines file: the dashboard
/// and any number of CLI runs append at once, and SQLite's write lock (begin immediate) makes "read
/// the last hash, insert the next entry" one atomic step across processes without a lock file of our
/// own, as accounts.db already does with the same library. Triggers refuse updates and deletes;
/// anyone who gets round them (by editing the file) breaks the chain, which Verify finds.
/// Entries never hold personal health information: callers pass names, actions, spec names, hashes.
/// </summary>
public sealed class AuditLog
{
    private const int MaxFieldLength = 1000;

    private readonly string path;

    public AuditLog(string path)
    {
        this.path = path;
        SecretsDatabase.EnsureOwnerOnly(path);
        using var connection = Open();
        connection.Execute("""
            create table if not exists audit_log (
                sequence integer primary key,
                time integer not null,
                actor text not null,
                action text not null,
                target text not null,
                source text not null,
                previous_hash text not null,
                hash text not null
            )
            """);
        connection.Execute("create trigger if not exists audit_log_no_update before update on audit_log begin select raise(abort, 'the audit log is append-only'); end");
        connection.Execute("create trigger if not exists audit_log_no_delete before delete on audit_log begin select raise(abort, 'the audit log is append-only'); end");
    }

    public string FilePath => path;

    public static AuditLog Open(DataDirectory data)
    {
        OwnerOnly.CreateDirectory(data.SecretsDirectory);
        return new AuditLog(data.AuditFile);
    }

    /// <summary>The actor of a CLI command: "cli:" and the operating-system user who ran it.</summary>
    public static string CliActor() => $"cli:{Environment.UserName}";

    /// <summary>Where a CLI command ran: "local:" and the machine's name.</summary>
    public static string CliSource() => $"local:{Environment.MachineName}";

    /// <summary>
    /// Appends an entry chained to the last one, atomically against every other writer, and returns
    /// it. An IOException when the log cannot be written: the caller should then not go on as if
    /// the action were recorded.
    /// </summary>
    public AuditEntry Append(string actor, string action, string target, string source)
    {
        if (!AuditActions.All.Contains(action, StringComparer.Ordinal))
            throw new ArgumentException($"unknown audit action '{action}'; one of {string.Join(", ", AuditActions.All)}");
        actor = Field(actor, "actor");
        target = Field(target, "target", allowEmpty: true);
        source = Field(source, "source", allowEmpty: true);
        try
        {
            using var connection = Open();
            // Immediate: the write lock is taken before the last hash is read, so no other writer
            // can append between the read and the insert.
            connection.Execute("begin immediate");
            try
            {
                var last = connection.Query<AuditRow>("select * from audit_log order by sequence desc limit 1").FirstOrDefault();
                var sequence = (last?.Sequence ?? 0) + 1;
                var previous = last?.Hash ?? AuditChain.Genesis;
                var time = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                var hash = AuditChain.Hash(sequence, time, actor, action, target, source, previous);
                connection.Execute(
                    "insert into audit_log (sequence, time, actor, action, target, source, previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    sequence, time.ToUnixTimeMilliseconds(), actor, action, target, source, previous, hash);
                connection.Execute("commit");
                return new AuditEntry(sequence, time, actor, action, target, source, previous, hash);
            }
            catch
            {
                connection.Execute("rollback");
                throw;
            }
        }
        catch (SQLiteException ex)
        {
            throw new IOException($"the audit log {path} could not be written: {ex.Message}", ex);
        }
    }

    public long Count()
    {
        using var connection = Open();
        return connection.ExecuteScalar<long>("select count(*) from audit_log");
    }

    /// <summary>Entries in sequence order, from since (UTC) on, narrowed by action and actor when given.</summary>
    public IReadOnlyList<AuditEntry> List(DateTimeOffset? since = null, string? action = null, string? actor = null)
    {
        using var connection = Open();
        return connection.Query<AuditRow>(
                "select * from audit_log where (? is null or time >= ?) and (? is null or action = ?) and (? is null or actor = ?) order by sequence",
                since?.ToUnixTimeMilliseconds(), since?.ToUnixTimeMilliseconds(), action, action, actor, actor)
            .Select(r => r.ToEntry()).ToList();
    }

    /// <summary>The newest entries first, at most limit of them, narrowed by action and actor when given.</summary>
    public IReadOnlyList<AuditEntry> Recent(int limit, string? action = null, string? actor = null)
    {
        using var connection = Open();
        return connection.Query<AuditRow>(
                "select * from audit_log where (? is null or action = ?) and (? is null or actor = ?) order by sequence desc limit ?",
                action, action, actor, actor, limit)
            .Select(r => r.ToEntry()).ToList();
    }

    /// <summary>The actors that appear in the log, for a filter's choices.</summary>
    public IReadOnlyList<string> Actors()
    {
        using var connection = Open();
        return connection.QueryScalars<string>("select distinct actor from audit_log order by actor");
    }

    /// <summary>Checks the whole chain in one read transaction, so that appends meanwhile do not confuse it.</summary>
    public AuditVerification Verify()
    {
        using var connection = Open();
        connection.Execute("begin");
        try
        {
            return AuditChain.Verify(connection.DeferredQuery<AuditRow>("select * from audit_log order by sequence").Select(r => r.ToEntry()));
        }
        finally
        {
            connection.Execute("commit");
        }
    }

    private SQLiteConnection Open() => SecretsDatabase.Open(path);

    private static string Field(string? value, string name, bool allowEmpty = false)
    {
        value = value?.Trim() ?? "";
        if (value.Length == 0 && !allowEmpty)
            throw new ArgumentException($"an audit entry needs its {name}");
        return value.Length <= MaxFieldLength ? value : value[..MaxFieldLength];
    }
}
