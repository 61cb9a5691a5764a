using System.Globalization;
using System.Text.Json;
using HealthStats.Etl.Benchmarks;

namespace HealthStats.Cli.Commands;

internal sealed class BenchCodingCommand : ICommand
{
    public string Name => "bench coding";

    public string Summary => "Benchmarks the miscoding model and the edits against the generator's truth, with training and scoring speed.";

    public string Usage =>
        "usage: healthstats bench coding [--abstracts N] [--error-rate R] [--seed S] [--work DIR] [--json]\n" +
        "  --abstracts N   abstracts to generate (default 200000)\n" +
        "  --error-rate R  share of abstracts miscoded on purpose (default 0.08)\n" +
        "  --seed S        generator seed (default 7)\n" +
        "  --work DIR      where the files and the data directory go (default: a temporary folder, removed after)\n" +
        "  --json          one object: edit_recall, model_pr_auc_uncatchable, model_precision_top_1pct, the baselines,\n" +
        "                  training_seconds, scoring_abstracts_per_second, ...";

    public IReadOnlyCollection<string> ValueOptions => ["abstracts", "error-rate", "seed", "work"];

    public IReadOnlyCollection<string> Flags => ["json"];

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var line = context.Line;
        var abstracts = line.Int("abstracts", 200_000);
        if (abstracts <= 0)
            throw new UsageException("--abstracts must be at least 1");
        var errorRate = line.Double("error-rate", 0.08);
        if (errorRate is <= 0 or >= 1)
            throw new UsageException("--error-rate must be between 0 and 1");
        using var work = BenchWorkDirectory.Open(line.Value("work"), context.Error);
        var json = line.Flag("json");
        var r = CodingBenchmark.Run(abstracts, errorRate, line.Int("seed", 7), work.Path, json ? null : context.Error.WriteLine);
        if (json)
        {
            context.Out.WriteLine(JsonSerializer.Serialize(r));
            return Task.FromResult(0);
        }
        var o = context.Out;
        o.WriteLine(F($"abstracts {r.Abstracts:N0} (loaded {r.Loaded:N0}), error rate {r.ErrorRate}, outcomes imported {r.OutcomesImported:N0}, evaluated {r.EvaluatedAbstracts:N0} ({r.EvaluatedMiscoded:N0} miscoded)"));
        o.WriteLine("edit recall (quarantined or warned), on the error types edits define:");
        foreach (var (type, recall) in r.EditRecall)
            o.WriteLine(F($"  {type,-18} {recall,7:P1}  of {r.EditRecallCounts[type]:N0}"));
        o.WriteLine("PR-AUC on mrdx_sequencing, code_substitution, procedure_mismatch (vs correct abstracts):");
        o.WriteLine(F($"  model {r.ModelPrAucUncatchable:F3}   edits alone {r.EditsPrAucUncatchable:F3}   random {r.RandomPrAucUncatchable:F3}"));
        foreach (var (type, auc) in r.ModelPrAucByType)
            o.WriteLine(F($"  model on {type,-18} {auc:F3}"));
        o.WriteLine(F($"precision in the top 1% ({r.TopOnePercent:N0} abstracts):"));
        o.WriteLine(F($"  model {r.ModelPrecisionTop1Pct:F3}   edits alone {r.EditsPrecisionTop1Pct:F3}   random {r.RandomPrecisionTop1Pct:F3}"));
        o.WriteLine(F($"training  {r.TrainingSeconds,8:F2} s for {r.TrainingAbstracts:N0} abstracts (features {r.TrainingFeatureSeconds:F1} s, anomaly {r.TrainingAnomalySeconds:F1} s, FastTree {r.TrainingSupervisedSeconds:F1} s; holdout PR-AUC {r.HoldoutPrAuc:F3})"));
        o.WriteLine(F($"scoring   {r.ScoringAbstractsPerSecond,8:N0} abstracts/s (scores), {r.ScoringWithReasonsAbstractsPerSecond:N0} with reasons; the first run, SQL and writing included: {r.ScoringRunSeconds:F2} s for {r.ScoredAbstracts:N0}"));
        return Task.FromResult(0);
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
