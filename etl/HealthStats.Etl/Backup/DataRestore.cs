using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Backup;

/// <summary>
/// Restores a backup archive into a data directory: unpacked beside it, every file checked against the
/// manifest's size and SHA-256, and only then renamed into place, so that a damaged archive changes nothing.
/// Restored files are readable by their owner only, whatever the archive says.
/// </summary>
public static class DataRestore
{
    /// <param name="replace">Restore over an existing data directory, which is kept aside as DIR.replaced-TIMESTAMP.</param>
    public static RestoreResult Restore(string archive, DataDirectory data, bool replace)
    {
        if (!File.Exists(archive))
            throw new FileNotFoundException($"{archive}: no such backup", archive);
        var occupied = Directory.Exists(data.Root) && Directory.EnumerateFileSystemEntries(data.Root).Any();
        if (occupied && !replace)
            throw new InvalidOperationException($"{data.Root} is not empty: restore into a new directory, or give --replace to keep this one aside and restore in its place");
        if (occupied && Handoff.RunningServer.Find(data) is not null)
            throw new InvalidOperationException($"{data.ServerFile}: the dashboard is running on this data directory; stop it first");

        var staging = data.Root.TrimEnd(Path.DirectorySeparatorChar) + $".restoring-{Guid.NewGuid():N}";
        OwnerOnly.CreateDirectory(staging);
        try
        {
            var manifest = Unpack(archive, staging);
            Verify(archive, staging, manifest);
            string? keptAside = null;
            if (occupied)
            {
                keptAside = data.Root.TrimEnd(Path.DirectorySeparatorChar) + $".replaced-{DateTime.UtcNow:yyyyMMddHHmmss}";
                Directory.Move(data.Root, keptAside);
            }
            else if (Directory.Exists(data.Root))
            {
                Directory.Delete(data.Root);
            }
            Directory.Move(staging, data.Root);
            return new RestoreResult(manifest.Files.Count, manifest.Files.Sum(f => f.Bytes), manifest.CreatedAt, keptAside);
        }
        catch
        {
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true);
            throw;
        }
    }

    private static BackupManifest Unpack(string archive, string staging)
    {
        BackupManifest? manifest = null;
        using var input = File.OpenRead(archive);
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        try
        {
            while (tar.GetNextEntry() is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
                    throw new InvalidDataException($"{archive}: entry '{entry.Name}' is not a regular file");
                if (entry.Name == BackupManifest.EntryName)
                {
                    manifest = JsonSerializer.Deserialize<BackupManifest>(entry.DataStream ?? Stream.Null)
                        ?? throw new InvalidDataException($"{archive}: {BackupManifest.EntryName} is empty");
                    continue;
                }
                var path = SafePath(archive, staging, entry.Name);
                OwnerOnlyDirectories(staging, Path.GetDirectoryName(path)!);
                using var file = OwnerOnly.CreateFile(path);
                entry.DataStream?.CopyTo(file);
            }
        }
        catch (Exception ex) when (ex is EndOfStreamException or InvalidDataException or FormatException or JsonException
                                   && !ex.Message.StartsWith(archive, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{archive}: the archive is damaged or cut short ({ex.Message})", ex);
        }
        if (manifest?.Format != BackupManifest.CurrentFormat)
            throw new InvalidDataException(manifest is null
                ? $"{archive}: no {BackupManifest.EntryName}: not a HealthStats backup, or cut short"
                : $"{archive}: backup format {manifest.Format}, this version reads format {BackupManifest.CurrentFormat}");
        return manifest;
    }

    // An entry may only name a file inside the data directory: no absolute paths, no "..".
    private static string SafePath(string archive, string staging, string name)
    {
        var path = Path.GetFullPath(Path.Combine(staging, name));
        if (Path.IsPathRooted(name) || !path.StartsWith(staging + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidDataException($"{archive}: entry '{name}' points outside the data directory");
        return path;
    }

    private static void OwnerOnlyDirectories(string staging, string directory)
    {
        var missing = new Stack<string>();
        for (var d = directory; d != staging && !Directory.Exists(d); d = Path.GetDirectoryName(d)!)
            missing.Push(d);
        while (missing.Count > 0)
            OwnerOnly.CreateDirectory(missing.Pop());
    }

    private static void Verify(string archive, string staging, BackupManifest manifest)
    {
        var listed = manifest.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var file in manifest.Files)
        {
            var path = SafePath(archive, staging, file.Path);
            if (!File.Exists(path))
                throw new InvalidDataException($"{archive}: {file.Path} is in the manifest but not in the archive");
            using var stream = File.OpenRead(path);
            if (stream.Length != file.Bytes || Convert.ToHexStringLower(SHA256.HashData(stream)) != file.Sha256)
                throw new InvalidDataException($"{archive}: {file.Path} does not match its size or SHA-256 in the manifest");
        }
        var extra = Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(staging, f).Replace(Path.DirectorySeparatorChar, '/'))
            .FirstOrDefault(f => !listed.Contains(f));
        if (extra is not null)
            throw new InvalidDataException($"{archive}: {extra} is in the archive but not in its manifest");
    }
}

public sealed record RestoreResult(int Files, long Bytes, DateTime BackupCreatedAt, string? KeptAside);
