using System.Text.Json.Serialization;

namespace HealthStats.Etl.Benchmarks;

/// <summary>The coding benchmark's figures, against the generator's truth (snake_case for --json).</summary>
public sealed record CodingBenchmarkResult
{
    [JsonPropertyName("abstracts")] public int Abstracts { get; init; }
    [JsonPropertyName("error_rate")] public double ErrorRate { get; init; }
    [JsonPropertyName("seed")] public int Seed { get; init; }
    [JsonPropertyName("loaded")] public long Loaded { get; init; }
    [JsonPropertyName("outcomes_imported")] public int OutcomesImported { get; init; }
    [JsonPropertyName("outcomes_rejected")] public int OutcomesRejected { get; init; }
    /// <summary>Abstracts of the other 80% that are in the warehouse (quarantined ones are not scored).</summary>
    [JsonPropertyName("evaluated_abstracts")] public int EvaluatedAbstracts { get; init; }
    [JsonPropertyName("evaluated_miscoded")] public int EvaluatedMiscoded { get; init; }
    /// <summary>Per error type an edit defines: the share of those abstracts quarantined or with a warning.</summary>
    [JsonPropertyName("edit_recall")] public IReadOnlyDictionary<string, double> EditRecall { get; init; } = new Dictionary<string, double>();
    [JsonPropertyName("edit_recall_counts")] public IReadOnlyDictionary<string, int> EditRecallCounts { get; init; } = new Dictionary<string, int>();
    /// <summary>PR-AUC (average precision) on mrdx_sequencing, code_substitution and procedure_mismatch against correct abstracts.</summary>
    [JsonPropertyName("model_pr_auc_uncatchable")] public double ModelPrAucUncatchable { get; init; }
    [JsonPropertyName("model_pr_auc_by_type")] public IReadOnlyDictionary<string, double> ModelPrAucByType { get; init; } = new Dictionary<string, double>();
    [JsonPropertyName("edits_pr_auc_uncatchable")] public double EditsPrAucUncatchable { get; init; }
    [JsonPropertyName("random_pr_auc_uncatchable")] public double RandomPrAucUncatchable { get; init; }
    [JsonPropertyName("top_1pct")] public int TopOnePercent { get; init; }
    [JsonPropertyName("model_precision_top_1pct")] public double ModelPrecisionTop1Pct { get; init; }
    [JsonPropertyName("edits_precision_top_1pct")] public double EditsPrecisionTop1Pct { get; init; }
    [JsonPropertyName("random_precision_top_1pct")] public double RandomPrecisionTop1Pct { get; init; }
    [JsonPropertyName("supervised_model")] public string? SupervisedModel { get; init; }
    [JsonPropertyName("holdout_pr_auc")] public double? HoldoutPrAuc { get; init; }
    [JsonPropertyName("ingest_seconds")] public double IngestSeconds { get; init; }
    /// <summary>healthstats train: features over every abstract, the anomaly model, FastTree, registry.</summary>
    [JsonPropertyName("training_seconds")] public double TrainingSeconds { get; init; }
    [JsonPropertyName("training_feature_seconds")] public double TrainingFeatureSeconds { get; init; }
    [JsonPropertyName("training_anomaly_seconds")] public double TrainingAnomalySeconds { get; init; }
    [JsonPropertyName("training_supervised_seconds")] public double TrainingSupervisedSeconds { get; init; }
    [JsonPropertyName("training_abstracts")] public long TrainingAbstracts { get; init; }
    [JsonPropertyName("scored_abstracts")] public int ScoredAbstracts { get; init; }
    /// <summary>Scores per second, warm, in memory: the anomaly score and the supervised probability over an IDataView.</summary>
    [JsonPropertyName("scoring_abstracts_per_second")] public double ScoringAbstractsPerSecond { get; init; }
    /// <summary>The same with the reasons: feature contributions (scores of 0.05 and up) and sentences.</summary>
    [JsonPropertyName("scoring_with_reasons_abstracts_per_second")] public double ScoringWithReasonsAbstractsPerSecond { get; init; }
    /// <summary>A whole scoring run: features SQL, models, reasons and writing coding.scores.</summary>
    [JsonPropertyName("scoring_run_seconds")] public double ScoringRunSeconds { get; init; }
    [JsonPropertyName("build")] public string Build { get; init; } = "release";
}
