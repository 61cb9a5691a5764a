using System.Text.Json.Serialization;

namespace HealthStats.Etl.Fuzzing;

/// <summary>What one format's fuzzing run tried and found.</summary>
public sealed record FuzzReport
{
    [JsonPropertyName("format")] public required string Format { get; init; }
    [JsonPropertyName("inputs")] public long Inputs { get; init; }
    [JsonPropertyName("seconds")] public double Seconds { get; init; }

    /// <summary>Mutants refused as a whole with the documented file-level error.</summary>
    [JsonPropertyName("file_errors")] public long FileErrors { get; init; }

    [JsonPropertyName("records")] public long Records { get; init; }
    [JsonPropertyName("quarantined")] public long Quarantined { get; init; }
    [JsonPropertyName("findings")] public required IReadOnlyList<FuzzFinding> Findings { get; init; }

    [JsonPropertyName("inputs_per_second")] public double InputsPerSecond => Seconds > 0 ? Math.Round(Inputs / Seconds, 1) : 0;
}
