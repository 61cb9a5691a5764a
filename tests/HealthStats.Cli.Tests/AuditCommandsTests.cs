using HealthStats.Etl.ApiTokens;
using HealthStats.Etl.Audit;
using HealthStats.TestSupport;
using HealthStats.Warehouse.Storage;
using SQLite;

namespace HealthStats.Cli.Tests;

/// <summary>`healthstats audit` on a real audit log in a temporary data directory.</summary>
public sealed class AuditCommandsTests : IDisposable
{
    private readonly TempDirectory temp = new("audit-cli");

    public void Dispose() => temp.Dispose();

    private string Data => temp.Combine("data");

    private AuditLog Log => AuditLog.Open(new DataDirectory(Data));

    private Task<CliRun> Run(params string[] args) => CliRun.RunAsync([.. args, "--data", Data]);

    private void ThreeEntries()
    {
        Log.Append("alice", AuditActions.SignIn, "local", "127.0.0.1");
        Log.Append("cli:ops", AuditActions.ExtractProduced, "ministry-monthly manifest sha256:abc", "local:host");
        Log.Append("=cmd|' /C calc'!A0", AuditActions.SignInFailed, "-2+3", "10.0.0.1");
    }

    [Fact]
    public async Task AuditVerify_ExitsZero_WithTheCount_WhenTheChainIsIntact()
    {
        ThreeEntries();

        var run = await Run("audit", "verify");

        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.StartsWith("3 entries, chain intact", run.Out, StringComparison.Ordinal);
        Assert.Contains(Log.List()[^1].Hash, run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditVerify_ExitsOne_NamingTheAlteredEntry()
    {
        ThreeEntries();
        using (var connection = new SQLiteConnection(new DataDirectory(Data).AuditFile))
        {
            connection.Execute("drop trigger audit_log_no_update");
            connection.Execute("update audit_log set target = 'nothing to see' where sequence = 2");
        }

        var run = await Run("audit", "verify");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("chain broken at entry 2", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditList_PrintsEntries_AndJsonLinesWithHashes_NarrowedByAction()
    {
        ThreeEntries();

        var table = await Run("audit", "list");
        var json = await Run("audit", "list", "--json", "--action", AuditActions.SignIn, "--since", "2000-01-01");
        var future = await Run("audit", "list", "--json", "--since", "2999-01-01");
        var wrong = await Run("audit", "list", "--action", "nonsense");

        Assert.Equal(0, table.ExitCode);
        Assert.Contains("ministry-monthly manifest sha256:abc", table.Out, StringComparison.Ordinal);
        Assert.Equal(0, json.ExitCode);
        var entries = AuditExport.ReadJsonLines(new StringReader(json.Out)).ToList();
        Assert.Equal([("alice", "127.0.0.1")], entries.Select(e => (e.Actor, e.Source)));
        Assert.Equal(Log.List()[0].Hash, entries[0].Hash);
        Assert.Equal("", future.Out);
        Assert.Equal(2, wrong.ExitCode);
    }

    [Fact]
    public async Task AuditExport_WritesJsonLinesThatVerifyAgain_AndCsvWithTheHashes_OwnerOnly()
    {
        ThreeEntries();
        var jsonl = temp.Combine("audit.jsonl");
        var csv = temp.Combine("audit.csv");

        var exported = await Run("audit", "export", "--out", jsonl);
        var exportedCsv = await Run("audit", "export", "--out", csv);
        var verified = await Run("audit", "verify", "--file", jsonl);
        await File.WriteAllTextAsync(jsonl, (await File.ReadAllTextAsync(jsonl)).Replace("alice", "alicf", StringComparison.Ordinal));
        var tampered = await Run("audit", "verify", "--file", jsonl);

        Assert.True(exported.ExitCode == 0, exported.Error);
        Assert.True(exportedCsv.ExitCode == 0, exportedCsv.Error);
        Assert.StartsWith("3 entries, chain intact", verified.Out, StringComparison.Ordinal);
        Assert.Equal(1, tampered.ExitCode);
        Assert.Contains("chain broken at entry 1", tampered.Out, StringComparison.Ordinal);
        var rows = CsvRows.Read(csv);
        Assert.Equal(3, rows.Count);
        Assert.Equal(Log.List().Select(e => e.Hash), rows.Select(r => r["hash"]));
        Assert.Equal(AuditChain.Genesis, rows[0]["previous_hash"]);
        // Made inert for spreadsheets, as extracts' CSV is.
        Assert.Equal("'-2+3", rows[2]["target"]);
        Assert.StartsWith("'=cmd", rows[2]["actor"], StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(csv));
    }

    [Fact]
    public async Task TokensIssueAndRevoke_WriteAuditEntries_WithoutTheTokenOrItsLabel()
    {
        var folder = new DataDirectory(Data).ExtractSpecsDirectory;
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "monthly.json"), ExtractSpecs.Regions);

        var issued = await Run("tokens", "issue", "--spec", "monthly", "--expires", "0", "--label", "Dr. Someone's token");
        var secret = issued.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last().Trim();
        var id = ApiTokenStore.Open(new DataDirectory(Data)).Find(secret)!.Id;
        var revoked = await Run("tokens", "revoke", id);

        Assert.True(issued.ExitCode == 0 && revoked.ExitCode == 0, issued.Error + revoked.Error);
        var entries = Log.List();
        Assert.Equal(
            [(AuditActions.TokenIssued, $"token {id} for monthly, expires never"), (AuditActions.TokenRevoked, $"token {id}")],
            entries.Select(e => (e.Action, e.Target)));
        Assert.All(entries, e => Assert.Equal((AuditLog.CliActor(), AuditLog.CliSource()), (e.Actor, e.Source)));
        var everything = string.Join("\n", entries.Select(e => string.Join(" ", e.Actor, e.Target, e.Source)));
        Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("Someone", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditLog_KeepsOneUnbrokenChain_WhenProcessesAndThreadsAppendAtOnce()
    {
        var folder = new DataDirectory(Data).ExtractSpecsDirectory;
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "monthly.json"), ExtractSpecs.Regions);
        Log.Append("alice", AuditActions.SignIn, "local", "127.0.0.1");

        // Real processes (each `tokens issue` appends one entry) racing threads with their own connections.
        var cli = Path.Combine(AppContext.BaseDirectory, "healthstats.dll");
        var processes = Enumerable.Range(0, 4).Select(_ => System.Diagnostics.Process.Start(
            new System.Diagnostics.ProcessStartInfo("dotnet", ["exec", cli, "tokens", "issue", "--spec", "monthly", "--data", Data])
            { RedirectStandardOutput = true, RedirectStandardError = true })!).ToList();
        var threads = Enumerable.Range(0, 3).Select(t => Task.Run(() =>
        {
            var log = AuditLog.Open(new DataDirectory(Data));
            for (var i = 0; i < 40; i++)
                log.Append($"thread-{t}", AuditActions.RecordView, $"entry {i}", "test");
        })).ToList();
        foreach (var process in processes)
        {
            var error = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, await error);
            process.Dispose();
        }
        await Task.WhenAll(threads);

        var entries = Log.List();
        Assert.Equal(1 + 4 + 3 * 40, entries.Count);
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(4, entries.Count(e => e.Action == AuditActions.TokenIssued));
        Assert.True(Log.Verify().IsIntact);
        var run = await Run("audit", "verify");
        Assert.StartsWith($"{entries.Count} entries, chain intact", run.Out, StringComparison.Ordinal);
    }
}
