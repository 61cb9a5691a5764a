using HealthStats.Etl.CodingQuality;

namespace HealthStats.Etl.Jobs;

/// <summary>
/// The weekly retraining (a recurring job): trains the miscoding models, whose registry keeps the current
/// supervised model unless the new one's holdout PR-AUC is not worse, then rescores with the current
/// models. No arguments; safe to run twice (a second run adds a model version and rescores).
/// </summary>
public sealed class CodingModelTrainingJob(CodingModelTrainer trainer, CodingScorer scorer)
{
    public async Task<TrainingResult> RunAsync(CancellationToken cancellationToken)
    {
        var result = await trainer.TrainAsync(cancellationToken);
        await scorer.ScoreUnscoredAsync(trainAnomalyWhenMissing: false, cancellationToken);
        return result;
    }
}
