using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace HealthStats.Etl.CodingQuality;

/// <summary>
/// The miscoding model: FastTree over the features and the anomaly score, learnt from the audited
/// abstracts, measured on a seeded holdout, then extended with the feature contribution calculation
/// that the reasons are made from.
/// </summary>
internal static class SupervisedModel
{
    public const double HoldoutFraction = 0.2;

    /// <summary>The audit budget the holdout metrics are reported at: this share of the holdout.</summary>
    public const double AuditBudgetShare = 0.05;

    public sealed record Trained(ITransformer Model, DataViewSchema Schema, int TrainingRows, int HoldoutRows, double PrAuc,
        int AuditBudget, double PrecisionAtBudget, double RecallAtBudget, double LiftAtBudget);

    public static Trained Train(MLContext ml, IReadOnlyList<FeatureRow> labelled)
    {
        var width = CodingFeatures.Supervised.Length;
        var data = FeatureRow.Load(ml, labelled, width);
        var split = ml.Data.TrainTestSplit(data, HoldoutFraction, seed: 17);
        var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            LabelColumnName = "Label",
            FeatureColumnName = "Features",
            NumberOfLeaves = 31,
            NumberOfTrees = 150,
            MinimumExampleCountPerLeaf = 10,
            LearningRate = 0.15,
            Seed = 17,
        });
        var model = trainer.Fit(split.TrainSet);
        var holdout = model.Transform(split.TestSet);
        var metrics = ml.BinaryClassification.Evaluate(holdout);
        var probabilities = holdout.GetColumn<float>("Probability").Select(p => (double)p).ToList();
        var labels = holdout.GetColumn<bool>("Label").ToList();
        var budget = Math.Max(1, (int)Math.Round(labels.Count * AuditBudgetShare));
        var (precision, recall, lift) = RankingMetrics.AtBudget(probabilities, labels, budget);

        var contributions = ml.Transforms.CalculateFeatureContribution(model, numberOfPositiveContributions: width, numberOfNegativeContributions: 0)
            .Fit(split.TrainSet);
        var chain = new TransformerChain<ITransformer>(model, contributions);
        var trainRows = (int)(split.TrainSet.GetRowCount() ?? split.TrainSet.GetColumn<bool>("Label").LongCount());
        return new Trained(chain, data.Schema, trainRows, labels.Count, metrics.AreaUnderPrecisionRecallCurve, budget, precision, recall, lift);
    }

    /// <summary>The probability of being miscoded, from the FastTree model alone (the first step of the saved chain).</summary>
    public static float[] Probabilities(MLContext ml, ITransformer model, IReadOnlyList<FeatureRow> rows)
    {
        var predictor = model is TransformerChain<ITransformer> chain ? chain.First() : model;
        var data = FeatureRow.Load(ml, rows, CodingFeatures.Supervised.Length);
        return [.. predictor.Transform(data).GetColumn<float>("Probability")];
    }

    /// <summary>Per-feature contributions to the score, one vector per row, from the whole saved chain.</summary>
    public static float[][] Contributions(MLContext ml, ITransformer model, IReadOnlyList<FeatureRow> rows)
    {
        var data = FeatureRow.Load(ml, rows, CodingFeatures.Supervised.Length);
        var scored = model.Transform(data);
        var result = new float[rows.Count][];
        using var cursor = scored.GetRowCursor([scored.Schema["FeatureContributions"]]);
        var contribution = cursor.GetGetter<VBuffer<float>>(scored.Schema["FeatureContributions"]);
        VBuffer<float> buffer = default;
        var i = 0;
        while (cursor.MoveNext())
        {
            contribution(ref buffer);
            result[i++] = buffer.DenseValues().ToArray();
        }
        return result;
    }
}
