using System.Text.Json.Serialization;

namespace HealthStats.Etl.CodingQuality;

/// <summary>One model of the registry (a row of coding.models).</summary>
public sealed record ModelRecord
{
    [JsonPropertyName("version")] public required string Version { get; init; }
    [JsonPropertyName("kind")] public required string Kind { get; init; }
    [JsonPropertyName("trained_at")] public DateTime TrainedAt { get; init; }
    [JsonPropertyName("training_from")] public DateOnly? TrainingFrom { get; init; }
    [JsonPropertyName("training_to")] public DateOnly? TrainingTo { get; init; }
    [JsonPropertyName("training_rows")] public long TrainingRows { get; init; }
    [JsonPropertyName("training_positives")] public long? TrainingPositives { get; init; }
    [JsonPropertyName("feature_schema_hash")] public required string FeatureSchemaHash { get; init; }
    [JsonPropertyName("holdout_rows")] public long? HoldoutRows { get; init; }
    [JsonPropertyName("pr_auc")] public double? PrAuc { get; init; }
    [JsonPropertyName("audit_budget")] public int? AuditBudget { get; init; }
    [JsonPropertyName("precision_at_budget")] public double? PrecisionAtBudget { get; init; }
    [JsonPropertyName("recall_at_budget")] public double? RecallAtBudget { get; init; }
    [JsonPropertyName("lift_at_budget")] public double? LiftAtBudget { get; init; }
    [JsonPropertyName("is_current")] public bool IsCurrent { get; init; }
    [JsonPropertyName("file")] public required string File { get; init; }
    [JsonPropertyName("anomaly_model")] public string? AnomalyModel { get; init; }
    [JsonPropertyName("anomaly_median")] public double? AnomalyMedian { get; init; }

    public const string SupervisedKind = "supervised";
    public const string AnomalyKind = "anomaly";
}
