using System.Text.Json.Serialization;

namespace HealthStats.Etl.Ingest;

/// <summary>The summary of an ingest run: every file's summary and their totals.</summary>
public sealed record IngestTotals
{
    [JsonPropertyName("files")] public required IReadOnlyList<IngestSummary> Files { get; init; }
    [JsonPropertyName("received")] public int Received { get; init; }
    [JsonPropertyName("loaded")] public int Loaded { get; init; }
    [JsonPropertyName("replaced")] public int Replaced { get; init; }
    [JsonPropertyName("deleted")] public int Deleted { get; init; }
    [JsonPropertyName("quarantined")] public int Quarantined { get; init; }
    [JsonPropertyName("warnings")] public int Warnings { get; init; }
    [JsonPropertyName("quarantined_by_reason")] public required IReadOnlyDictionary<string, int> QuarantinedByReason { get; init; }
    [JsonPropertyName("warnings_by_rule")] public required IReadOnlyDictionary<string, int> WarningsByRule { get; init; }

    /// <summary>Files that could not be read at all, with the reason; the run exits non-zero when there are any.</summary>
    [JsonPropertyName("failed")] public IReadOnlyList<FailedFile> Failed { get; init; } = [];

    public static IngestTotals Of(IReadOnlyList<IngestSummary> files, IReadOnlyList<FailedFile> failed) => new()
    {
        Files = files,
        Failed = failed,
        Received = files.Sum(f => f.Received),
        Loaded = files.Sum(f => f.Loaded),
        Replaced = files.Sum(f => f.Replaced),
        Deleted = files.Sum(f => f.Deleted),
        Quarantined = files.Sum(f => f.Quarantined),
        Warnings = files.Sum(f => f.Warnings),
        QuarantinedByReason = Merge(files.Select(f => f.QuarantinedByReason)),
        WarningsByRule = Merge(files.Select(f => f.WarningsByRule)),
    };

    private static SortedDictionary<string, int> Merge(IEnumerable<IReadOnlyDictionary<string, int>> counts)
    {
        var merged = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, value) in counts.SelectMany(c => c))
            merged[key] = merged.GetValueOrDefault(key) + value;
        return merged;
    }
}

public sealed record FailedFile(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("error")] string Error);
