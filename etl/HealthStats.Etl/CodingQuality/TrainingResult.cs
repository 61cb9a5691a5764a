using System.Text.Json.Serialization;

namespace HealthStats.Etl.CodingQuality;

/// <summary>What a training run made: the anomaly model, the supervised one when there were enough outcomes, and whether each became current.</summary>
public sealed record TrainingResult
{
    [JsonPropertyName("abstracts")] public long Abstracts { get; init; }
    [JsonPropertyName("labelled")] public long Labelled { get; init; }
    [JsonPropertyName("labelled_miscoded")] public long LabelledMiscoded { get; init; }
    [JsonPropertyName("anomaly")] public ModelRecord? Anomaly { get; init; }
    [JsonPropertyName("supervised")] public ModelRecord? Supervised { get; init; }
    /// <summary>Why no supervised model was trained, when none was.</summary>
    [JsonPropertyName("supervised_skipped")] public string? SupervisedSkipped { get; init; }
    /// <summary>The model that was current before, measured on the new model's holdout: what the promotion compared with.</summary>
    [JsonPropertyName("current_pr_auc_on_holdout")] public double? CurrentPrAucOnHoldout { get; init; }
    [JsonPropertyName("seconds")] public double Seconds { get; init; }
    /// <summary>The features SQL over every current abstract.</summary>
    [JsonPropertyName("feature_seconds")] public double FeatureSeconds { get; init; }
    /// <summary>RandomizedPca, and the anomaly score of every abstract.</summary>
    [JsonPropertyName("anomaly_seconds")] public double AnomalySeconds { get; init; }
    /// <summary>FastTree, its holdout evaluation and the feature contribution calculation.</summary>
    [JsonPropertyName("supervised_seconds")] public double SupervisedSeconds { get; init; }
}
