using System.Diagnostics;
using System.Text.Json;
using DuckDB.NET.Data;
using HealthStats.Warehouse.Storage;
using Microsoft.ML;

namespace HealthStats.Etl.CodingQuality;

/// <summary>
/// Scores the current abstracts that have no score for their current version by the current model (so a
/// newly promoted model rescores every abstract), a page of abstracts at a time over an IDataView: with the current
/// supervised model (and the anomaly model it was trained with) when there is one, else with the current
/// anomaly model alone. Writes coding.scores, reasons included.
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

    /// <summary>
    /// Scores every current abstract in memory twice with the current models, writing nothing, and times
    /// the second pass: the models' steady speed, without loading or the first pass's JIT compilation.
    /// </summary>
    internal (int Abstracts, double ScoreSeconds, double ReasonSeconds) MeasureSpeed(DuckDBConnection connection)
    {
        var supervised = ModelRegistry.Current(connection, ModelRecord.SupervisedKind);
        var anomaly = supervised?.AnomalyModel is { } linked ? ModelRegistry.Find(connection, linked) : ModelRegistry.Current(connection, ModelRecord.AnomalyKind);
        var table = FeatureReader.Read(connection, FeatureReader.Which.All);
        if (anomaly is null || table.Count == 0)
            return (0, 0, 0);
        Score(table, anomaly, supervised);
        var warm = Score(table, anomaly, supervised);
        return (table.Count, warm.ScoreSeconds, warm.ReasonSeconds);
    }

    internal ScoringResult ScoreUnscored(DuckDBConnection connection, bool trainAnomalyWhenMissing, int pageSize = FeatureReader.PageSize)
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

        // A page at a time, each written in its own transaction: a warehouse loaded whole (ten million
        // abstracts, none scored yet) is scored in bounded memory, and a run stopped half way leaves the
        // rest unscored for the next one.
        var (count, scoreSeconds, reasonSeconds) = (0, 0.0, 0.0);
        using (var features = FeatureReader.Open(connection))
        {
            var models = Load(anomaly, supervised);
            foreach (var page in features.Pages(FeatureReader.Which.Unscored, supervised?.Version ?? anomaly.Version, pageSize))
            {
                var scored = Score(models, page, anomaly);
                Write(connection, page, scored, anomaly, supervised, removeStale: count == 0);
                count += page.Count;
                scoreSeconds += scored.ScoreSeconds;
                reasonSeconds += scored.ReasonSeconds;
            }
        }
        return new ScoringResult
        {
            Scored = count,
            SupervisedModel = supervised?.Version,
            AnomalyModel = anomaly.Version,
            ScoreSeconds = scoreSeconds,
            ReasonSeconds = reasonSeconds,
            Seconds = clock.Elapsed.TotalSeconds,
        };
    }

    /// <summary>From this probability up, reasons come from the model's own feature contributions.</summary>
    public const double ExplainedScore = 0.05;

    internal sealed record Scored(double[] Scores, float[] AnomalyScores, float[]? Probabilities, List<string>[] Reasons,
        double ScoreSeconds, double ReasonSeconds);

    private sealed record LoadedModels(MLContext Ml, ITransformer Anomaly, ITransformer? Supervised);

    private LoadedModels Load(ModelRecord anomaly, ModelRecord? supervised)
    {
        var ml = new MLContext(seed: CodingModelTrainer.Seed);
        var models = database.DataDirectory.ModelsDirectory;
        return new LoadedModels(ml, ml.Model.Load(Path.Combine(models, anomaly.File), out _),
            supervised is null ? null : ml.Model.Load(Path.Combine(models, supervised.File), out _));
    }

    internal Scored Score(FeatureTable table, ModelRecord anomaly, ModelRecord? supervised) =>
        Score(Load(anomaly, supervised), table, anomaly);

    private static Scored Score(LoadedModels loaded, FeatureTable table, ModelRecord anomaly)
    {
        var (ml, anomalyModel, model) = loaded;
        var scoring = Stopwatch.StartNew();
        var anomalyScores = AnomalyModel.Score(ml, anomalyModel, table);
        var rows = Enumerable.Range(0, table.Count).Select(i => new FeatureRow { Features = [.. table.Features[i], anomalyScores[i]] }).ToArray();
        var median = anomaly.AnomalyMedian ?? 1;
        var probabilities = model is null ? null : SupervisedModel.Probabilities(ml, model, rows);
        var scores = probabilities is null
            ? anomalyScores.Select(a => AnomalyModel.Scaled(a, median)).ToArray()
            : probabilities.Select(p => (double)p).ToArray();
        var scoreSeconds = scoring.Elapsed.TotalSeconds;

        var explaining = Stopwatch.StartNew();
        // Contributions cost ten times the score: they are computed where an auditor may look. Below this
        // score an abstract is far from any audit budget, and the rule-of-thumb ranking names its reasons.
        var explained = model is null ? [] : Enumerable.Range(0, table.Count).Where(i => scores[i] >= ExplainedScore).ToArray();
        var contributions = model is null ? [] : SupervisedModel.Contributions(ml, model, [.. explained.Select(i => rows[i])]);
        var reasons = new List<string>[table.Count];
        for (var k = 0; k < explained.Length; k++)
        {
            var c = contributions[k];
            var ranked = Enumerable.Range(0, c.Length).Where(f => c[f] > 0).OrderByDescending(f => c[f]);
            reasons[explained[k]] = Reasons.For(table.Contexts[explained[k]], rows[explained[k]].Features, ranked);
        }
        for (var i = 0; i < table.Count; i++)
            reasons[i] ??= Reasons.For(table.Contexts[i], rows[i].Features, Suspicion.Ranked(rows[i].Features));
        return new Scored(scores, anomalyScores, probabilities, reasons, scoreSeconds, explaining.Elapsed.TotalSeconds);
    }

    private static void Write(DuckDBConnection connection, FeatureTable table, Scored scored, ModelRecord anomaly, ModelRecord? supervised, bool removeStale)
    {
        var now = DateTime.UtcNow;
        using var transaction = connection.BeginTransaction();
        // Scores of versions that are no longer current (replaced or deleted abstracts) go with them, and
        // scores by other models are the ones being replaced now: once, with the first page.
        if (removeStale)
        {
            connection.Execute(
                "delete from coding.scores s where not exists (select 1 from marts.fct_abstracts a " +
                "where a.facility_id = s.facility_id and a.abstract_id = s.abstract_id and a.batch_id = s.batch_id) " +
                "or coalesce(s.supervised_model, s.anomaly_model) <> $1", supervised?.Version ?? anomaly.Version);
        }
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
