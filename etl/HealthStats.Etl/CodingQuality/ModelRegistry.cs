using DuckDB.NET.Data;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.CodingQuality;

/// <summary>
/// coding.models: every trained model with its training window, feature-schema hash and holdout metrics;
/// at most one current model of each kind. The files live in the data directory's models/ folder.
/// </summary>
internal static class ModelRegistry
{
    /// <summary>
    /// A supervised model replaces the current one only when its holdout PR-AUC is not worse; an anomaly
    /// model has no labels to be judged by, so the newest one (trained on the newest abstracts) is current.
    /// </summary>
    /// <remarks>
    /// Measured on the same abstracts where it can be: <paramref name="currentOnCandidateHoldout"/> is the current model's
    /// PR-AUC on the candidate's holdout. Without it (the current model reads other features), its own recorded one.
    /// </remarks>
    public static bool ShouldPromote(ModelRecord candidate, ModelRecord? current, double? currentOnCandidateHoldout = null)
    {
        if (candidate.Kind == ModelRecord.AnomalyKind || current is null)
            return true;
        if (candidate.PrAuc is not double candidateAuc)
            return false;
        var currentAuc = currentOnCandidateHoldout ?? current.PrAuc;
        return currentAuc is null || candidateAuc >= currentAuc;
    }

    /// <summary>Records the model, current when the promotion rule says so; returns the row as stored.</summary>
    public static ModelRecord Register(DuckDBConnection connection, ModelRecord candidate, double? currentOnCandidateHoldout = null)
    {
        var current = Current(connection, candidate.Kind);
        var promoted = ShouldPromote(candidate, current, currentOnCandidateHoldout);
        var stored = candidate with { IsCurrent = promoted };
        using var transaction = connection.BeginTransaction();
        if (promoted)
            connection.Execute("update coding.models set is_current = false where kind = $1 and is_current", candidate.Kind);
        connection.Execute(
            "insert into coding.models (version, kind, trained_at, training_from, training_to, training_rows, training_positives, " +
            "feature_schema_hash, holdout_rows, pr_auc, audit_budget, precision_at_budget, recall_at_budget, lift_at_budget, is_current, file, " +
            "anomaly_model, anomaly_median) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)",
            stored.Version, stored.Kind, stored.TrainedAt, stored.TrainingFrom, stored.TrainingTo, stored.TrainingRows, stored.TrainingPositives,
            stored.FeatureSchemaHash, stored.HoldoutRows, stored.PrAuc, stored.AuditBudget, stored.PrecisionAtBudget, stored.RecallAtBudget,
            stored.LiftAtBudget, stored.IsCurrent, stored.File, stored.AnomalyModel, stored.AnomalyMedian);
        transaction.Commit();
        return stored;
    }

    public static ModelRecord? Current(DuckDBConnection connection, string kind) =>
        Query(connection, "where kind = $1 and is_current", kind).FirstOrDefault();

    public static ModelRecord? Find(DuckDBConnection connection, string version) =>
        Query(connection, "where version = $1", version).FirstOrDefault();

    public static IReadOnlyList<ModelRecord> All(DuckDBConnection connection) => Query(connection, "order by trained_at, version");

    /// <summary>A version that sorts by training time and never repeats within the registry.</summary>
    public static string NewVersion(DuckDBConnection connection, string kind, DateTime trainedAt)
    {
        var stem = $"{kind}-{trainedAt:yyyyMMdd'T'HHmmss}";
        var version = stem;
        for (var n = 2; Find(connection, version) is not null; n++)
            version = $"{stem}-{n}";
        return version;
    }

    private static List<ModelRecord> Query(DuckDBConnection connection, string where, params object?[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            "select version, kind, trained_at, training_from, training_to, training_rows, training_positives, feature_schema_hash, " +
            "holdout_rows, pr_auc, audit_budget, precision_at_budget, recall_at_budget, lift_at_budget, is_current, file, anomaly_model, " +
            $"anomaly_median from coding.models {where}";
        foreach (var value in parameters)
            command.Parameters.Add(new DuckDBParameter(value ?? DBNull.Value));
        using var reader = command.ExecuteReader();
        var result = new List<ModelRecord>();
        while (reader.Read())
        {
            result.Add(new ModelRecord
            {
                Version = reader.GetString(0),
                Kind = reader.GetString(1),
                TrainedAt = reader.GetDateTime(2),
                TrainingFrom = reader.IsDBNull(3) ? null : DateOnly.FromDateTime(reader.GetDateTime(3)),
                TrainingTo = reader.IsDBNull(4) ? null : DateOnly.FromDateTime(reader.GetDateTime(4)),
                TrainingRows = reader.GetInt64(5),
                TrainingPositives = reader.IsDBNull(6) ? null : reader.GetInt64(6),
                FeatureSchemaHash = reader.GetString(7),
                HoldoutRows = reader.IsDBNull(8) ? null : reader.GetInt64(8),
                PrAuc = reader.IsDBNull(9) ? null : reader.GetDouble(9),
                AuditBudget = reader.IsDBNull(10) ? null : reader.GetInt32(10),
                PrecisionAtBudget = reader.IsDBNull(11) ? null : reader.GetDouble(11),
                RecallAtBudget = reader.IsDBNull(12) ? null : reader.GetDouble(12),
                LiftAtBudget = reader.IsDBNull(13) ? null : reader.GetDouble(13),
                IsCurrent = reader.GetBoolean(14),
                File = reader.GetString(15),
                AnomalyModel = reader.IsDBNull(16) ? null : reader.GetString(16),
                AnomalyMedian = reader.IsDBNull(17) ? null : reader.GetDouble(17),
            });
        }
        return result;
    }
}
