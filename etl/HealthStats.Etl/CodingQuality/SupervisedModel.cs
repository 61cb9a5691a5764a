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
    /// <summary>The audit budget the holdout metrics are reported at: this share of the holdout.</summary>
    public const double AuditBudgetShare = 0.05;

    public sealed record Trained(ITransformer Model, DataViewSchema Schema, int TrainingRows, int HoldoutRows, double PrAuc,
        int AuditBudget, double PrecisionAtBudget, double RecallAtBudget, double LiftAtBudget);

    /// <summary>
    /// Which audited abstracts are held out: a fixed fifth, by a stable hash of the abstract's key, so that an
    /// abstract held out once stays held out and two trainings can be compared on the holdout they share.
    /// </summary>
    public static bool IsHoldout((string FacilityId, string AbstractId) key)
    {
        var hash = 2166136261u;
        foreach (var c in key.FacilityId + "/" + key.AbstractId)
            hash = (hash ^ c) * 16777619u;
        return hash % 5 == 0;
    }

    public static Trained Train(MLContext ml, IReadOnlyList<FeatureRow> training, IReadOnlyList<FeatureRow> holdout)
    {
        var width = CodingFeatures.Supervised.Length;
        var data = FeatureRow.Load(ml, training, width);
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
        var model = trainer.Fit(data);
        var (prAuc, budget, precision, recall, lift) = Measure(Probabilities(ml, model, holdout), holdout);
        var contributions = ml.Transforms.CalculateFeatureContribution(model, numberOfPositiveContributions: width, numberOfNegativeContributions: 0)
            .Fit(data);
        var chain = new TransformerChain<ITransformer>(model, contributions);
        return new Trained(chain, data.Schema, training.Count, holdout.Count, prAuc, budget, precision, recall, lift);
    }

    /// <summary>PR-AUC (average precision) of the probabilities on the holdout, and what the audit budget finds.</summary>
    public static (double PrAuc, int Budget, double Precision, double Recall, double Lift) Measure(IReadOnlyList<float> probabilities, IReadOnlyList<FeatureRow> holdout)
    {
        var scores = probabilities.Select(p => (double)p).ToList();
        var labels = holdout.Select(r => r.Label).ToList();
        var budget = Math.Max(1, (int)Math.Round(labels.Count * AuditBudgetShare));
        var (precision, recall, lift) = RankingMetrics.AtBudget(scores, labels, budget);
        return (RankingMetrics.AveragePrecision(scores, labels), budget, precision, recall, lift);
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
