using System.Text.Json.Serialization;

namespace HealthStats.Etl.Backup;

/// <summary>
/// backup-manifest.json, the archive's last entry: when and from what the backup was made, and every
/// other entry with its size and SHA-256, so that a restore proves the archive whole before using it.
/// </summary>
public sealed record BackupManifest(
    [property: JsonPropertyName("format")] int Format,
    [property: JsonPropertyName("created_at")] DateTime CreatedAt,
    [property: JsonPropertyName("software_version")] string SoftwareVersion,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("files")] IReadOnlyList<BackupFile> Files)
{
    public const string EntryName = "backup-manifest.json";

    public const int CurrentFormat = 1;
}

public sealed record BackupFile(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("bytes")] long Bytes,
    [property: JsonPropertyName("sha256")] string Sha256);
