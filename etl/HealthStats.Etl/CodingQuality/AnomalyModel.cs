using Microsoft.ML;
using Microsoft.ML.Data;

namespace HealthStats.Etl.CodingQuality;

/// <summary>
/// The unsupervised score: RandomizedPca's reconstruction error over the standardised features. It needs
/// no audit outcomes, so it ranks abstracts before any exist and is a feature of the supervised model after.
/// </summary>
internal static class AnomalyModel
{
    // Enough abstracts to find the principal directions; beyond this, more only costs time.
    private const int MaxTrainingRows = 300_000;

    /// <summary>Train on every step-th abstract of this many: enough of them, and never all ten million in memory.</summary>
    public static long TrainingStep(long abstracts) => Math.Max(1, abstracts / MaxTrainingRows);

    /// <summary>Trains on every abstract of the table: a sample (see <see cref="TrainingStep"/>) when the warehouse is large.</summary>
    public static ITransformer Train(MLContext ml, FeatureTable table)
    {
        var width = CodingFeatures.Unsupervised.Length;
        var rows = table.Features.Select(f => new FeatureRow { Features = f });
        var data = FeatureRow.Load(ml, rows, width);
        var pipeline = ml.Transforms.NormalizeMeanVariance("Features")
            .Append(ml.AnomalyDetection.Trainers.RandomizedPca("Features", rank: 6, oversampling: 20, ensureZeroMean: true, seed: 17));
        return pipeline.Fit(data);
    }

    public static float[] Score(MLContext ml, ITransformer model, FeatureTable table)
    {
        var data = FeatureRow.Load(ml, table.Features.Select(f => new FeatureRow { Features = f[..CodingFeatures.Unsupervised.Length] }),
            CodingFeatures.Unsupervised.Length);
        return [.. model.Transform(data).GetColumn<float>("Score")];
    }

    /// <summary>Maps the unbounded score onto 0..1, one half at the training median, keeping the order.</summary>
    public static double Scaled(float score, double median) => score / (score + Math.Max(median, 1e-9));

    public static double Median(float[] scores)
    {
        if (scores.Length == 0)
            return 1;
        var sorted = scores.ToArray();
        Array.Sort(sorted);
        return sorted[sorted.Length / 2];
    }
}
