using System.Diagnostics;
using DuckDB.NET.Data;
using HealthStats.Warehouse.Storage;
using Microsoft.ML;

namespace HealthStats.Etl.CodingQuality;

/// <summary>
/// Trains the miscoding models, as a recipe: features of every current abstract -> the anomaly model over
/// all of them -> the audited abstracts (their latest outcome, imported or reviewed) with the anomaly
/// score -> FastTree with a seeded holdout -> both saved under models/ and recorded in the registry,
/// which decides whether each becomes current.
/// </summary>
public sealed class CodingModelTrainer(WarehouseDatabase database)
{
    /// <summary>Fewer audited abstracts than this (or fewer of either outcome) leave the anomaly score to rank alone.</summary>
    public const int MinimumLabelled = 50;

    public const int MinimumPerOutcome = 10;

    public const int Seed = 17;

    public async Task<TrainingResult> TrainAsync(CancellationToken cancellationToken)
    {
        using var gate = await WriteGate.EnterAsync(database.DataDirectory, cancellationToken);
        using var connection = database.OpenConnection();
        return Train(connection, supervised: true);
    }

    internal TrainingResult Train(DuckDBConnection connection, bool supervised, int pageSize = FeatureReader.PageSize)
    {
        var clock = Stopwatch.StartNew();
        var ml = new MLContext(seed: Seed);
        var models = database.DataDirectory.ModelsDirectory;
        Directory.CreateDirectory(models);
        ModelFiles.RemoveUnregistered(connection, models);
        var trainedAt = DateTime.UtcNow;

        using var features = FeatureReader.Open(connection);
        if (features.Count == 0)
            return new TrainingResult { SupervisedSkipped = "no abstracts in the warehouse", Seconds = clock.Elapsed.TotalSeconds };

        var featureSeconds = clock.Elapsed.TotalSeconds;
        var anomalyModel = AnomalyModel.Train(ml, features.ReadEvery(AnomalyModel.TrainingStep(features.Count)));

        // Every abstract is scored, a page at a time: the median scales the scores, and the audited
        // abstracts' scores are a feature of the supervised model.
        var outcomes = AuditOutcomes.Current(connection);
        var anomalyScores = new List<float>();
        var labelled = new List<FeatureRow>();
        var training = new List<FeatureRow>();
        var holdout = new List<FeatureRow>();
        // The holdout's own features, for measuring the current model with its own anomaly model.
        var holdoutTable = new FeatureTable();
        var dates = new List<DateOnly>();
        DateOnly first = DateOnly.MaxValue, last = DateOnly.MinValue;
        foreach (var page in features.Pages(FeatureReader.Which.All, pageSize: pageSize))
        {
            var scores = AnomalyModel.Score(ml, anomalyModel, page);
            anomalyScores.AddRange(scores);
            for (var i = 0; i < page.Count; i++)
            {
                first = page.DischargeDates[i] < first ? page.DischargeDates[i] : first;
                last = page.DischargeDates[i] > last ? page.DischargeDates[i] : last;
                if (!outcomes.TryGetValue(page.Key(i), out var miscoded))
                    continue;
                var row = new FeatureRow { Features = [.. page.Features[i], scores[i]], Label = miscoded };
                labelled.Add(row);
                dates.Add(page.DischargeDates[i]);
                if (!SupervisedModel.IsHoldout(page.Key(i)))
                {
                    training.Add(row);
                    continue;
                }
                holdout.Add(row);
                holdoutTable.Features.Add(page.Features[i]);
            }
        }
        var anomalyVersion = ModelRegistry.NewVersion(connection, ModelRecord.AnomalyKind, trainedAt);
        ModelFiles.Save(ml, anomalyModel, FeatureRow.Load(ml, [], CodingFeatures.Unsupervised.Length).Schema, Path.Combine(models, anomalyVersion + ".zip"));
        var anomaly = ModelRegistry.Register(connection, new ModelRecord
        {
            Version = anomalyVersion,
            Kind = ModelRecord.AnomalyKind,
            TrainedAt = trainedAt,
            TrainingFrom = first,
            TrainingTo = last,
            TrainingRows = features.Count,
            FeatureSchemaHash = CodingFeatures.SchemaHash(CodingFeatures.Unsupervised),
            File = anomalyVersion + ".zip",
            AnomalyMedian = AnomalyModel.Median([.. anomalyScores]),
        });

        var anomalySeconds = clock.Elapsed.TotalSeconds - featureSeconds;
        var positives = labelled.Count(r => r.Label);
        var result = new TrainingResult
        {
            Abstracts = (int)features.Count,
            Labelled = labelled.Count,
            LabelledMiscoded = positives,
            Anomaly = anomaly,
            FeatureSeconds = Math.Round(featureSeconds, 2),
            AnomalySeconds = Math.Round(anomalySeconds, 2),
        };
        string? skipped = null;
        if (!supervised)
            skipped = "anomaly model only";
        else if (labelled.Count < MinimumLabelled || positives < MinimumPerOutcome || labelled.Count - positives < MinimumPerOutcome)
            skipped = $"{labelled.Count} audited abstracts ({positives} miscoded): at least {MinimumLabelled}, with {MinimumPerOutcome} of each outcome, are needed";
        else if (!holdout.Any(r => r.Label) || holdout.All(r => r.Label))
            skipped = $"the holdout (a fifth of the {labelled.Count} audited abstracts) needs both outcomes to measure a model";
        if (skipped is not null)
            return result with { SupervisedSkipped = skipped, Seconds = clock.Elapsed.TotalSeconds };

        var supervisedClock = Stopwatch.StartNew();
        var trained = SupervisedModel.Train(ml, training, holdout);
        var currentOnHoldout = CurrentOnHoldout(connection, ml, holdoutTable, holdout);
        var version = ModelRegistry.NewVersion(connection, ModelRecord.SupervisedKind, trainedAt);
        ModelFiles.Save(ml, trained.Model, trained.Schema, Path.Combine(models, version + ".zip"));
        var model = ModelRegistry.Register(connection, new ModelRecord
        {
            Version = version,
            Kind = ModelRecord.SupervisedKind,
            TrainedAt = trainedAt,
            TrainingFrom = dates.Min(),
            TrainingTo = dates.Max(),
            TrainingRows = trained.TrainingRows,
            TrainingPositives = positives,
            FeatureSchemaHash = CodingFeatures.SchemaHash(CodingFeatures.Supervised),
            HoldoutRows = trained.HoldoutRows,
            PrAuc = trained.PrAuc,
            AuditBudget = trained.AuditBudget,
            PrecisionAtBudget = trained.PrecisionAtBudget,
            RecallAtBudget = trained.RecallAtBudget,
            LiftAtBudget = trained.LiftAtBudget,
            File = version + ".zip",
            AnomalyModel = anomalyVersion,
        }, currentOnHoldout);
        return result with { Supervised = model, CurrentPrAucOnHoldout = currentOnHoldout, Seconds = clock.Elapsed.TotalSeconds, SupervisedSeconds = Math.Round(supervisedClock.Elapsed.TotalSeconds, 2) };
    }

    /// <summary>
    /// The current supervised model's PR-AUC on the new model's holdout, with the anomaly model it was trained with:
    /// the two are then compared on the same abstracts. Null when there is none, or it reads other features.
    /// </summary>
    private double? CurrentOnHoldout(DuckDBConnection connection, MLContext ml, FeatureTable holdoutTable, IReadOnlyList<FeatureRow> holdout)
    {
        var current = ModelRegistry.Current(connection, ModelRecord.SupervisedKind);
        if (current is null || current.FeatureSchemaHash != CodingFeatures.SchemaHash(CodingFeatures.Supervised)
            || current.AnomalyModel is not { } anomalyVersion || ModelRegistry.Find(connection, anomalyVersion) is not { } anomaly)
            return null;
        var models = database.DataDirectory.ModelsDirectory;
        if (!File.Exists(Path.Combine(models, current.File)) || !File.Exists(Path.Combine(models, anomaly.File)))
            return null;
        var anomalyScores = AnomalyModel.Score(ml, ml.Model.Load(Path.Combine(models, anomaly.File), out _), holdoutTable);
        var rows = holdout.Select((r, i) => new FeatureRow { Features = [.. holdoutTable.Features[i], anomalyScores[i]], Label = r.Label }).ToList();
        var probabilities = SupervisedModel.Probabilities(ml, ml.Model.Load(Path.Combine(models, current.File), out _), rows);
        return SupervisedModel.Measure(probabilities, rows).PrAuc;
    }
}
