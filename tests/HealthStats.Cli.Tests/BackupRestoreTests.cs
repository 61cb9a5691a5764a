using System.Formats.Tar;
using System.IO.Compression;
using HealthStats.Etl.Secrets;
using HealthStats.TestSupport;

namespace HealthStats.Cli.Tests;

/// <summary>
/// `healthstats backup` and `restore` of a data directory that has everything: batches, quarantine, a trained
/// model, accounts, tokens, the audit log and a job store; restored elsewhere and compared file by file and
/// by what the commands read from it.
/// </summary>
public sealed class BackupRestoreTests : IDisposable
{
    private readonly TempDirectory temp = new("backup");

    public void Dispose() => temp.Dispose();

    private string Source => temp.Combine("data");

    private string Archive => temp.Combine("backup.tar.gz");

    private static async Task<CliRun> Run(params string[] args)
    {
        var run = await CliRun.RunAsync(args);
        Assert.True(run.ExitCode == 0, $"healthstats {string.Join(' ', args)}: {run.Error}");
        return run;
    }

    private async Task MakeSourceAsync()
    {
        await Run("generate", "--abstracts", "400", "--seed", "11", "--error-rate", "0.08", "--out", temp.Combine("gen"));
        await Run("ingest", temp.Combine("gen", "abstracts.csv"), "--data", Source);
        // Half the truth as audit outcomes (the quarantined ones are rejected): the other half is left to flag.
        var truth = File.ReadAllLines(temp.Combine("gen", "truth.csv"));
        File.WriteAllLines(temp.Combine("labels.csv"), [truth[0], .. truth.Skip(1).Where((_, i) => i % 2 == 0)]);
        await CliRun.RunAsync("labels", "import", temp.Combine("labels.csv"), "--data", Source);
        await Run("train", "--data", Source);
        File.WriteAllText(temp.Combine("password"), "a long enough password");
        await Run("users", "add", "ana", "--role", "analyst", "--password-file", temp.Combine("password"), "--data", Source);
        Directory.CreateDirectory(Path.Combine(Source, "extract-specs"));
        File.WriteAllText(Path.Combine(Source, "extract-specs", "monthly.json"), ExtractSpecs.Regions);
        await Run("tokens", "issue", "--spec", "monthly", "--data", Source);
        // Hangfire's job store is a SQLite file like the secrets: one with a row stands for it here.
        using (var jobs = SecretsDatabase.Open(Path.Combine(Source, "hangfire.db")))
        {
            jobs.Execute("create table job (id integer primary key, state text)");
            jobs.Execute("insert into job (state) values ('Succeeded')");
        }
    }

    [Fact]
    public async Task Restore_GivesTheSameDataDirectory_FileByFileAndToEveryCommand()
    {
        await MakeSourceAsync();
        var restored = temp.Combine("restored");

        var backup = await Run("backup", "--out", Archive, "--data", Source);
        var restore = await Run("restore", Archive, "--data", restored);

        Assert.Contains("backed up", backup.Out, StringComparison.Ordinal);
        Assert.Contains("restored", restore.Out, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Archive));
        var sqlite = new[] { "hangfire.db", "secrets/accounts.db", "secrets/api-tokens.db", "secrets/audit.db" };
        var files = Directory.EnumerateFiles(Source, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Source, f)).ToList();
        Assert.Contains("warehouse.duckdb", files);
        Assert.Contains(files, f => f.StartsWith("models/", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith("quarantine/", StringComparison.Ordinal));
        foreach (var file in files.Where(f => !sqlite.Contains(f)))
            Assert.True(File.ReadAllBytes(Path.Combine(Source, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(restored, file))), $"{file} differs");
        foreach (var file in sqlite)
            Assert.True(File.Exists(Path.Combine(restored, file)), $"{file} was not restored");
        foreach (var entry in Directory.EnumerateFileSystemEntries(restored, "*", SearchOption.AllDirectories))
            Assert.True((File.GetUnixFileMode(entry) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) == 0, $"{entry} is readable by others");

        foreach (var command in new[] { new[] { "batches", "--json" }, ["users", "list", "--json"], ["tokens", "list", "--json"], ["audit", "list", "--json"],
                     ["stats", "discharges", "--by", "fiscal_year,sex", "--format", "csv"], ["quarantine", "list", "--json"] })
        {
            var before = await Run([.. command, "--data", Source]);
            var after = await Run([.. command, "--data", restored]);
            Assert.Equal(before.Out, after.Out);
        }
        Assert.Contains("chain intact", (await Run("audit", "verify", "--data", restored)).Out, StringComparison.Ordinal);
        using (var jobs = SecretsDatabase.Open(Path.Combine(restored, "hangfire.db")))
            Assert.Equal("Succeeded", jobs.ExecuteScalar<string>("select state from job"));
        await Run("flag", "--budget", "3", "--out", temp.Combine("flags.csv"), "--data", restored);
        Assert.Equal(4, File.ReadAllLines(temp.Combine("flags.csv")).Length);
    }

    [Fact]
    public async Task Restore_RefusesADamagedArchive_AndChangesNothing()
    {
        await MakeSourceAsync();
        await Run("backup", "--out", Archive, "--data", Source);
        var damaged = temp.Combine("damaged.tar.gz");
        Rewrite(Archive, damaged, (name, bytes) => name == "warehouse.duckdb" ? [.. bytes[..^1], (byte)(bytes[^1] ^ 1)] : bytes);
        var target = temp.Combine("target");

        var run = await CliRun.RunAsync("restore", damaged, "--data", target);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{damaged}: warehouse.duckdb does not match its size or SHA-256 in the manifest", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(target));
        Assert.Empty(Directory.EnumerateDirectories(temp.Path, "target.restoring-*"));
    }

    [Fact]
    public async Task Restore_RefusesAnOccupiedDirectory_UnlessReplace_WhichKeepsItAside()
    {
        await MakeSourceAsync();
        await Run("backup", "--out", Archive, "--data", Source);
        var target = temp.Combine("target");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "note.txt"), "already here");

        var refused = await CliRun.RunAsync("restore", Archive, "--data", target);
        var replaced = await Run("restore", Archive, "--data", target, "--replace");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("is not empty", refused.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(target, "warehouse.duckdb")));
        var aside = Assert.Single(Directory.EnumerateDirectories(temp.Path, "target.replaced-*"));
        Assert.Equal("already here", File.ReadAllText(Path.Combine(aside, "note.txt")));
        Assert.Contains("kept as", replaced.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_RefusesAnEntryThatPointsOutsideTheDataDirectory()
    {
        var archive = temp.Combine("escape.tar.gz");
        using (var output = File.Create(archive))
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "../escaped.txt") { DataStream = new MemoryStream("x"u8.ToArray()) });

        var run = await CliRun.RunAsync("restore", archive, "--data", temp.Combine("target"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("points outside the data directory", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.Combine("escaped.txt")));
    }

    private static void Rewrite(string from, string to, Func<string, byte[], byte[]> change)
    {
        using var input = new TarReader(new GZipStream(File.OpenRead(from), CompressionMode.Decompress));
        using var output = new TarWriter(new GZipStream(File.Create(to), CompressionLevel.Fastest), TarEntryFormat.Pax);
        while (input.GetNextEntry(copyData: true) is { } entry)
        {
            using var buffer = new MemoryStream();
            entry.DataStream?.CopyTo(buffer);
            output.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, entry.Name) { DataStream = new MemoryStream(change(entry.Name, buffer.ToArray())) });
        }
    }
}
