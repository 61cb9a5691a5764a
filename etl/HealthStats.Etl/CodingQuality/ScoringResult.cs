using System.Text.Json.Serialization;

namespace HealthStats.Etl.CodingQuality;

/// <summary>A scoring run: how many abstracts got a score, by which models, and how fast the models ran.</summary>
public sealed record ScoringResult
{
    [JsonPropertyName("scored")] public int Scored { get; init; }
    [JsonPropertyName("supervised_model")] public string? SupervisedModel { get; init; }
    [JsonPropertyName("anomaly_model")] public string? AnomalyModel { get; init; }
    /// <summary>Why nothing was scored, when nothing was.</summary>
    [JsonPropertyName("skipped")] public string? Skipped { get; init; }
    /// <summary>The models' own time for the scores (anomaly score, probability), without loading, SQL or writing.</summary>
    [JsonPropertyName("score_seconds")] public double ScoreSeconds { get; init; }
    /// <summary>Feature contributions and sentences.</summary>
    [JsonPropertyName("reason_seconds")] public double ReasonSeconds { get; init; }
    [JsonPropertyName("seconds")] public double Seconds { get; init; }
}
