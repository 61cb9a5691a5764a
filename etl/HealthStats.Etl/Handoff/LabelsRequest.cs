using System.Text.Json.Serialization;

namespace HealthStats.Etl.Handoff;

/// <summary>An audit outcomes file for the running dashboard to import: its absolute path, nothing of its content.</summary>
public sealed record LabelsRequest([property: JsonPropertyName("path")] string? Path);
