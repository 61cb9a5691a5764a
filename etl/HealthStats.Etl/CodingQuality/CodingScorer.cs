using System.Diagnostics;
using System.Text.Json;
using DuckDB.NET.Data;
using HealthStats.Warehouse.Storage;
using Microsoft.ML;

namespace HealthStats.Etl.CodingQuality;

/// <summary>
/// Scores the current abstracts that have no score for their current version, in one batch over an
/// IDataView: with the current supervised model (and the anomaly model it was trained with) when there
/// is one, else with the current anomaly model alone. Writes coding.scores, reasons included.
/// </summary>
public sealed class CodingScorer(WarehouseDatabase database)
{
    /// <summary>After a batch: scores with the models there are, and skips (cheaply) when there are none.</summary>
    public async Task<ScoringResult> ScoreUnscoredAsync(bool trainAnomalyWhenMissing, CancellationToken cancellationToken)
    {
        using var gate = await WriteGate.EnterAsync(database.DataDirectory, cancellationToken);
        using var connection = database.OpenConnection();
        return ScoreUnscored(connection, trainAnomalyWhenMissing);
    }

    internal ScoringResult ScoreUnscored(DuckDBConnection connection, bool trainAnomalyWhenMissing)
    {
        var clock = Stopwatch.StartNew();
        var supervised = ModelRegistry.Current(connection, ModelRecord.SupervisedKind);
        if (supervised is not null && supervised.FeatureSchemaHash != CodingFeatures.SchemaHash(CodingFeatures.Supervised))
            supervised = null; // trained on other features: the anomaly model ranks until the next training
        var anomaly = supervised?.AnomalyModel is { } linked
            ? ModelRegistry.Find(connection, linked)
            : ModelRegistry.Current(connection, ModelRecord.AnomalyKind);
        if (anomaly is not null && anomaly.FeatureSchemaHash != CodingFeatures.SchemaHash(CodingFeatures.Unsupervised))
            anomaly = null;
        if (anomaly is null)
        {
            if (!trainAnomalyWhenMissing)
                return new ScoringResult { Skipped = "no model yet: run healthstats train or flag" };
            if (connection.Scalar<long>("select count(*) from marts.fct_abstracts") == 0)
                return new ScoringResult { Skipped = "no abstracts in the warehouse" };
            anomaly = new CodingModelTrainer(database).Train(connection, supervised: false).Anomaly!;
            supervised = null;
        }

        var table = FeatureReader.Read(connection, FeatureReader.Which.Unscored);
        if (table.Count == 0)
            return new ScoringResult { SupervisedModel = supervised?.Version, AnomalyModel = anomaly.Version, Seconds = clock.Elapsed.TotalSeconds };
        var modelClock = Stopwatch.StartNew();
        var scored = Score(table, anomaly, supervised);
        var modelSeconds = modelClock.Elapsed.TotalSeconds;
        Write(connection, table, scored, anomaly, supervised);
        return new ScoringResult
        {
            Scored = table.Count,
            SupervisedModel = supervised?.Version,
            AnomalyModel = anomaly.Version,
            ModelSeconds = modelSeconds,
            Seconds = clock.Elapsed.TotalSeconds,
        };
    }

    internal sealed record Scored(double[] Scores, float[] AnomalyScores, float[]? Probabilities, List<string>[] Reasons);

    internal Scored Score(FeatureTable table, ModelRecord anomaly, ModelRecord? supervised)
    {
        var ml = new MLContext(seed: CodingModelTrainer.Seed);
        var models = database.DataDirectory.ModelsDirectory;
        var anomalyModel = ml.Model.Load(Path.Combine(models, anomaly.File), out _);
        var anomalyScores = AnomalyModel.Score(ml, anomalyModel, table);
        var median = anomaly.AnomalyMedian ?? 1;
        var reasons = new List<string>[table.Count];
        var scores = new double[table.Count];
        if (supervised is null)
        {
            for (var i = 0; i < table.Count; i++)
            {
                var values = (float[])[.. table.Features[i], anomalyScores[i]];
                scores[i] = AnomalyModel.Scaled(anomalyScores[i], median);
                reasons[i] = Reasons.For(table.Contexts[i], values, Suspicion.Ranked(values));
            }
            return new Scored(scores, anomalyScores, null, reasons);
        }

        var model = ml.Model.Load(Path.Combine(models, supervised.File), out _);
        var rows = Enumerable.Range(0, table.Count).Select(i => new FeatureRow { Features = [.. table.Features[i], anomalyScores[i]] });
        var (probabilities, contributions) = SupervisedModel.Score(ml, model, rows);
        for (var i = 0; i < table.Count; i++)
        {
            var values = (float[])[.. table.Features[i], anomalyScores[i]];
            scores[i] = probabilities[i];
            var ranked = Enumerable.Range(0, contributions[i].Length).Where(f => contributions[i][f] > 0).OrderByDescending(f => contributions[i][f]);
            reasons[i] = Reasons.For(table.Contexts[i], values, ranked);
        }
        return new Scored(scores, anomalyScores, probabilities, reasons);
    }

    private static void Write(DuckDBConnection connection, FeatureTable table, Scored scored, ModelRecord anomaly, ModelRecord? supervised)
    {
        var now = DateTime.UtcNow;
        using var transaction = connection.BeginTransaction();
        // Scores of versions that are no longer current (replaced or deleted abstracts) go with them.
        connection.Execute(
            "delete from coding.scores s where not exists (select 1 from marts.fct_abstracts a " +
            "where a.facility_id = s.facility_id and a.abstract_id = s.abstract_id and a.batch_id = s.batch_id)");
        using (var appender = connection.CreateAppender("coding", "scores"))
        {
            for (var i = 0; i < table.Count; i++)
            {
                var row = appender.CreateRow()
                    .AppendValue(table.FacilityIds[i])
                    .AppendValue(table.AbstractIds[i])
                    .AppendValue(table.BatchIds[i])
                    .AppendValue(scored.Scores[i])
                    .AppendValue((double)scored.AnomalyScores[i]);
                row = scored.Probabilities is null ? row.AppendNullValue().AppendNullValue() : row.AppendValue((double)scored.Probabilities[i]).AppendValue(supervised!.Version);
                row.AppendValue(anomaly.Version)
                    .AppendValue(JsonSerializer.Serialize(scored.Reasons[i]))
                    .AppendValue(now)
                    .EndRow();
            }
        }
        transaction.Commit();
    }
}
