using System.Text.Json.Serialization;

namespace HealthStats.Etl.Fuzzing;

/// <summary>A mutant that made a reader fail in a way it does not document (or hang), and where it was saved.</summary>
public sealed record FuzzFinding(
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("file")] string? File);
