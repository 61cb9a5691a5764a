using System.Formats.Tar;
using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using HealthStats.Etl.Handoff;
using HealthStats.Etl.Secrets;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Backup;

/// <summary>
/// Writes a whole data directory into one archive (tar, gzip-compressed): the warehouse, the lake, the
/// quarantine, the models, the secrets and audit log, Hangfire's job state, specs, outbox and inbox. It holds
/// keys and raw quarantined records, so the archive is created readable by its owner only.
/// </summary>
/// <remarks>
/// Each file is copied in a consistent state: the warehouse after a checkpoint, with no connection open;
/// the SQLite files (accounts, tokens, audit log, Hangfire) through SQLite's own VACUUM INTO, which a writer
/// in another process cannot tear. The archive is written under a temporary name and renamed when whole.
/// </remarks>
public static class DataBackup
{
    public static BackupResult Write(DataDirectory data, string archive)
    {
        if (!Directory.Exists(data.Root))
            throw new DirectoryNotFoundException($"{data.Root}: no such data directory");
        if (RunningServer.Find(data) is not null)
            throw new InvalidOperationException($"{data.ServerFile}: the dashboard is running on this data directory; stop it first, a backup needs the warehouse to itself");
        var target = Path.GetFullPath(archive);
        if (target.StartsWith(data.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"{archive}: the backup must be written outside the data directory it copies");
        Checkpoint(data);

        var temporary = target + ".tmp";
        var files = new List<BackupFile>();
        using (var output = OwnerOnly.CreateFile(temporary, FileMode.Create))
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: false))
        {
            var scratch = Path.Combine(Path.GetTempPath(), $"healthstats-backup-{Guid.NewGuid():N}");
            OwnerOnly.CreateDirectory(scratch);
            try
            {
                foreach (var file in FilesToCopy(data))
                {
                    var name = Path.GetRelativePath(data.Root, file).Replace(Path.DirectorySeparatorChar, '/');
                    var source = IsSqlite(data, file) ? SqliteCopy(file, scratch) : file;
                    files.Add(Add(tar, source, name));
                }
            }
            finally
            {
                Directory.Delete(scratch, recursive: true);
            }
            var manifest = new BackupManifest(BackupManifest.CurrentFormat, DateTime.UtcNow, SoftwareVersion, data.Root, files);
            var bytes = JsonSerializer.SerializeToUtf8Bytes(manifest, new JsonSerializerOptions { WriteIndented = true });
            var entry = new PaxTarEntry(TarEntryType.RegularFile, BackupManifest.EntryName) { DataStream = new MemoryStream(bytes), Mode = OwnerRead };
            tar.WriteEntry(entry);
        }
        File.Move(temporary, target, overwrite: true);
        return new BackupResult(target, files.Count, files.Sum(f => f.Bytes), new FileInfo(target).Length);
    }

    private const UnixFileMode OwnerRead = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static string SoftwareVersion =>
        typeof(DataBackup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    // Folds the write-ahead log into the file, so the file alone is the warehouse.
    private static void Checkpoint(DataDirectory data)
    {
        if (!File.Exists(data.WarehouseFile))
            return;
        using var connection = new WarehouseDatabase(data).OpenConnection();
        connection.Execute("checkpoint");
    }

    private static IEnumerable<string> FilesToCopy(DataDirectory data) =>
        Directory.EnumerateFiles(data.Root, "*", SearchOption.AllDirectories)
            .Where(f => !IsLeftOut(data, f))
            .Order(StringComparer.Ordinal);

    // What is not the data: the running server's note, a rebuild's old or new file, SQLite's own side files
    // (VACUUM INTO already holds what they hold), a temporary file of a write in progress.
    private static bool IsLeftOut(DataDirectory data, string file)
    {
        var name = Path.GetFileName(file);
        return file == data.ServerFile
            || name.EndsWith(".bak", StringComparison.Ordinal) || name.Contains(".rebuild", StringComparison.Ordinal)
            || name.EndsWith("-wal", StringComparison.Ordinal) || name.EndsWith("-shm", StringComparison.Ordinal) || name.EndsWith("-journal", StringComparison.Ordinal)
            || name.EndsWith(".tmp", StringComparison.Ordinal);
    }

    private static bool IsSqlite(DataDirectory data, string file) =>
        file == data.HangfireFile || file == data.AccountsFile || file == data.ApiTokensFile || file == data.AuditFile;

    private static string SqliteCopy(string file, string scratch)
    {
        var copy = Path.Combine(scratch, Guid.NewGuid().ToString("N") + ".db");
        using (var connection = SecretsDatabase.Open(file))
            connection.Execute("vacuum into ?", copy);
        return copy;
    }

    private static BackupFile Add(TarWriter tar, string source, string name)
    {
        using var stream = File.OpenRead(source);
        var sha = Convert.ToHexStringLower(SHA256.HashData(stream));
        stream.Position = 0;
        tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = stream, Mode = OwnerRead, ModificationTime = File.GetLastWriteTimeUtc(source) });
        return new BackupFile(name, stream.Length, sha);
    }
}

public sealed record BackupResult(string Archive, int Files, long Bytes, long ArchiveBytes);
