using HealthStats.Etl.Audit;
using HealthStats.TestSupport;
using HealthStats.Warehouse.Storage;
using SQLite;

namespace HealthStats.Etl.Tests.Audit;

/// <summary>
/// The audit log on a real SQLite file: the chain holds for a normal log, and an edit, a deletion, an
/// insertion or a swap made behind its back (triggers dropped, as someone with the file would) is named.
/// </summary>
public sealed class AuditLogTests : IDisposable
{
    private readonly TempDirectory temp = new("audit");

    public void Dispose() => temp.Dispose();

    private DataDirectory Data => new(temp.Combine("data"));

    private AuditLog Log => AuditLog.Open(Data);

    private AuditLog FiveEntries()
    {
        var log = Log;
        log.Append("alice", AuditActions.SignIn, "local", "127.0.0.1");
        log.Append("unknown", AuditActions.SignInFailed, "local: no such account", "10.0.0.8");
        log.Append("cli:ops", AuditActions.ExtractProduced, "ministry-monthly manifest sha256:" + new string('a', 64), "local:host");
        log.Append("alice", AuditActions.SignOut, "session", "127.0.0.1");
        log.Append("bob", AuditActions.SignIn, "oidc", "::1");
        return log;
    }

    // A connection that gets round the append-only triggers, as an editor of the file would.
    private SQLiteConnection Tamper()
    {
        var connection = new SQLiteConnection(Data.AuditFile);
        connection.Execute("drop trigger audit_log_no_update");
        connection.Execute("drop trigger audit_log_no_delete");
        return connection;
    }

    [Fact]
    public void Verify_ReportsTheChainIntact_OnANormalLog()
    {
        var log = FiveEntries();

        var result = log.Verify();

        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(5, result.VerifiedEntries);
        Assert.Equal(log.List()[^1].Hash, result.LastHash);
        Assert.Equal([1L, 2, 3, 4, 5], log.List().Select(e => e.Sequence));
        Assert.Equal(AuditChain.Genesis, log.List()[0].PreviousHash);
    }

    [Fact]
    public void Verify_ReportsAnEmptyLogIntact()
    {
        var result = Log.Verify();

        Assert.True(result.IsIntact);
        Assert.Equal(0, result.VerifiedEntries);
    }

    [Fact]
    public void Verify_NamesTheEditedEntry_WhenAFieldIsChanged()
    {
        var log = FiveEntries();
        using (var connection = Tamper())
            connection.Execute("update audit_log set actor = 'mallory' where sequence = 3");

        var result = log.Verify();

        Assert.False(result.IsIntact);
        Assert.Equal(3, result.FirstBadSequence);
        Assert.Equal(2, result.VerifiedEntries);
        Assert.Contains("altered", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_NamesTheNextEntry_WhenAnEditedEntryHasItsHashRecomputed()
    {
        var log = FiveEntries();
        var entry = log.List()[1];
        var forged = AuditChain.Hash(entry.Sequence, entry.Time, "alice", entry.Action, entry.Target, entry.Source, entry.PreviousHash);
        using (var connection = Tamper())
            connection.Execute("update audit_log set actor = 'alice', hash = ? where sequence = 2", forged);

        var result = log.Verify();

        Assert.False(result.IsIntact);
        Assert.Equal(3, result.FirstBadSequence);
        Assert.Contains("does not chain", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_NamesTheEntryAfterTheGap_WhenAnEntryIsDeleted()
    {
        var log = FiveEntries();
        using (var connection = Tamper())
            connection.Execute("delete from audit_log where sequence = 2");

        var result = log.Verify();

        Assert.False(result.IsIntact);
        Assert.Equal(3, result.FirstBadSequence);
        Assert.Contains("entries 2 to 2 are missing", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_NamesTheEntryAfterTheInsertion_WhenAForgedEntryIsSlippedIn()
    {
        // The forger renumbers the entries after the slot and gives the forged entry a correct hash
        // from its predecessor: the entry after it still chains from the old hash.
        var log = FiveEntries();
        var before = log.List()[1];
        var time = before.Time.AddSeconds(1);
        var hash = AuditChain.Hash(3, time, "mallory", AuditActions.SignIn, "local", "127.0.0.1", before.Hash);
        using (var connection = Tamper())
        {
            for (var sequence = 5; sequence >= 3; sequence--)
                connection.Execute("update audit_log set sequence = sequence + 1 where sequence = ?", sequence);
            connection.Execute(
                "insert into audit_log (sequence, time, actor, action, target, source, previous_hash, hash) values (3, ?, 'mallory', ?, 'local', '127.0.0.1', ?, ?)",
                time.ToUnixTimeMilliseconds(), AuditActions.SignIn, before.Hash, hash);
        }

        var result = log.Verify();

        Assert.False(result.IsIntact);
        Assert.Equal(4, result.FirstBadSequence);
    }

    [Fact]
    public void Verify_NamesTheFirstMovedEntry_WhenTwoEntriesAreSwapped()
    {
        var log = FiveEntries();
        using (var connection = Tamper())
        {
            connection.Execute("update audit_log set sequence = -1 where sequence = 2");
            connection.Execute("update audit_log set sequence = 2 where sequence = 3");
            connection.Execute("update audit_log set sequence = 3 where sequence = -1");
        }

        var result = log.Verify();

        Assert.False(result.IsIntact);
        Assert.Equal(2, result.FirstBadSequence);
    }

    [Fact]
    public void Table_RefusesUpdatesAndDeletes_ThroughItsTriggers()
    {
        FiveEntries();
        using var connection = new SQLiteConnection(Data.AuditFile);

        var update = Assert.Throws<SQLiteException>(() => connection.Execute("update audit_log set actor = 'x' where sequence = 1"));
        var delete = Assert.Throws<SQLiteException>(() => connection.Execute("delete from audit_log"));

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        Assert.Equal(5, connection.ExecuteScalar<long>("select count(*) from audit_log"));
    }

    [Fact]
    public void Append_KeepsTheChainIntact_WhenTwoWritersAppendAtOnce()
    {
        // Two logs on one file, each with its own connections, as the dashboard and a CLI are.
        FiveEntries();
        var writers = Enumerable.Range(0, 2).Select(w => new Thread(() =>
        {
            var log = Log;
            for (var i = 0; i < 100; i++)
                log.Append($"writer-{w}", AuditActions.RecordView, $"page {i}", "127.0.0.1");
        })).ToList();
        writers.ForEach(t => t.Start());
        writers.ForEach(t => t.Join());

        var result = Log.Verify();

        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(205, result.VerifiedEntries);
        Assert.Equal(100, Log.List(actor: "writer-0").Count);
        Assert.Equal(100, Log.List(actor: "writer-1").Count);
    }

    [Fact]
    public void Append_RefusesAnUnknownActionOrAMissingActor()
    {
        Assert.Throws<ArgumentException>(() => Log.Append("alice", "deleted-everything", "", "127.0.0.1"));
        Assert.Throws<ArgumentException>(() => Log.Append(" ", AuditActions.SignIn, "", "127.0.0.1"));
        Assert.Equal(0, Log.Count());
    }

    [Fact]
    public void AuditFile_IsOwnerOnly()
    {
        FiveEntries();

        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Data.AuditFile));
    }

    [Fact]
    public void List_NarrowsBySinceActionAndActor()
    {
        var log = FiveEntries();

        Assert.Equal(2, log.List(action: AuditActions.SignIn).Count);
        Assert.Equal(2, log.List(actor: "alice").Count);
        Assert.Empty(log.List(since: DateTimeOffset.UtcNow.AddMinutes(1)));
        Assert.Equal(5, log.List(since: DateTimeOffset.UtcNow.AddMinutes(-1)).Count);
        Assert.Equal([5L, 4], log.Recent(2).Select(e => e.Sequence));
    }

    [Fact]
    public void JsonLinesExport_VerifiesAway_AndFailsWhenALineIsEdited()
    {
        var log = FiveEntries();
        using var writer = new StringWriter();
        AuditExport.WriteJsonLines(log.List(), writer);
        var text = writer.ToString();

        var intact = AuditChain.Verify(AuditExport.ReadJsonLines(new StringReader(text)).ToList());
        var edited = AuditChain.Verify(AuditExport.ReadJsonLines(new StringReader(text.Replace("\"bob\"", "\"eve\"", StringComparison.Ordinal))).ToList());

        Assert.True(intact.IsIntact, intact.Problem);
        Assert.Equal(5, intact.VerifiedEntries);
        Assert.False(edited.IsIntact);
        Assert.Equal(5, edited.FirstBadSequence);
    }
}
