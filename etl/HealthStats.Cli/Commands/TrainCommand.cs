using System.Globalization;
using System.Text.Json;
using HealthStats.Etl.CodingQuality;
using HealthStats.Etl.Handoff;
using HealthStats.Warehouse.Build;

namespace HealthStats.Cli.Commands;

internal sealed class TrainCommand : ICommand
{
    public string Name => "train";

    public string Summary => "Trains the miscoding models on the audit outcomes and records them in the model registry.";

    public string Usage =>
        "usage: healthstats train [--json]\n" +
        "  --json   one object: abstracts, labelled, anomaly and supervised (each a registry row), seconds\n" +
        "Trains the anomaly model over every current abstract and, with enough audit outcomes, the supervised\n" +
        "model; a supervised model becomes current only when its holdout PR-AUC is not worse on the same holdout.\n" +
        "While the dashboard runs, it trains (it also retrains weekly itself).";

    public IReadOnlyCollection<string> ValueOptions => [];

    public IReadOnlyCollection<string> Flags => ["json"];

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        if (context.Line.Positional.Count > 0)
            throw new UsageException($"unexpected argument '{context.Line.Positional[0]}'");
        TrainingResult result;
        if (RunningServer.Find(context.Data) is { } server)
        {
            // The running dashboard holds the warehouse: it trains.
            using var client = new ServerClient(server);
            result = await client.TrainAsync(cancellationToken);
        }
        else
        {
            var database = context.Warehouse();
            WarehouseSetup.Initialize(database);
            result = await new CodingModelTrainer(database).TrainAsync(cancellationToken);
        }
        if (context.Line.Flag("json"))
        {
            context.Out.WriteLine(JsonSerializer.Serialize(result));
            return 0;
        }
        var o = context.Out;
        o.WriteLine(F($"abstracts {result.Abstracts:N0}, audited {result.Labelled:N0} ({result.LabelledMiscoded:N0} miscoded), {result.Seconds:F1} s"));
        if (result.Anomaly is { } a)
            o.WriteLine(F($"anomaly     {a.Version}  {a.TrainingRows:N0} abstracts ({a.TrainingFrom:yyyy-MM-dd} to {a.TrainingTo:yyyy-MM-dd}), current"));
        if (result.Supervised is { } s)
        {
            o.WriteLine(F($"supervised  {s.Version}  {s.TrainingRows:N0} rows, holdout {s.HoldoutRows:N0}: PR-AUC {s.PrAuc:F3}, at budget {s.AuditBudget}: precision {s.PrecisionAtBudget:F3}, recall {s.RecallAtBudget:F3}, lift {s.LiftAtBudget:F1}"));
            o.WriteLine(s.IsCurrent ? "            promoted: now current" : "            not promoted: its holdout PR-AUC is worse than the current model's");
        }
        else
        {
            o.WriteLine($"supervised  not trained: {result.SupervisedSkipped}");
        }
        return 0;
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
