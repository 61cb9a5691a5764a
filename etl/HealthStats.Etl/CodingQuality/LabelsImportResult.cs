using System.Text.Json.Serialization;

namespace HealthStats.Etl.CodingQuality;

/// <summary>An audit outcomes import: received = imported + rejected, and every rejected row with its reason.</summary>
public sealed record LabelsImportResult
{
    [JsonPropertyName("file")] public required string File { get; init; }
    [JsonPropertyName("source")] public required string Source { get; init; }
    /// <summary>True when a file with the same SHA-256 was imported before: nothing was imported again.</summary>
    [JsonPropertyName("already_imported")] public bool AlreadyImported { get; init; }
    [JsonPropertyName("received")] public int Received { get; init; }
    [JsonPropertyName("imported")] public int Imported { get; init; }
    [JsonPropertyName("rejected")] public int Rejected => Rejections.Count;
    [JsonPropertyName("rejections")] public IReadOnlyList<LabelRejection> Rejections { get; init; } = [];
}
