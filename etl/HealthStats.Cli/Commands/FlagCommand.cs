using HealthStats.Etl.CodingQuality;
using HealthStats.Etl.Handoff;
using HealthStats.Warehouse.Build;

namespace HealthStats.Cli.Commands;

internal sealed class FlagCommand : ICommand
{
    public string Name => "flag";

    public string Summary => "Scores the abstracts not yet scored and writes the ones to audit as CSV, with reasons.";

    public string Usage =>
        "usage: healthstats flag [--budget N | --threshold P] [--out FILE]\n" +
        $"  --budget N      the N highest scores (default {Etl.CodingQuality.Flags.DefaultBudget})\n" +
        "  --threshold P   every score at or above P (0 to 1)\n" +
        "  --out FILE      write the CSV there (default: standard output)\n" +
        "CSV columns: facility_id, abstract_id, score, reasons. Only current abstracts whose current version\n" +
        "has no audit outcome yet are flagged. Without any model, an anomaly model is trained first. While the\n" +
        "dashboard runs, it scores and selects (the file is still written here).";

    public IReadOnlyCollection<string> ValueOptions => ["budget", "threshold", "out"];

    public IReadOnlyCollection<string> Flags => [];

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var line = context.Line;
        if (line.Positional.Count > 0)
            throw new UsageException($"unexpected argument '{line.Positional[0]}'");
        if (line.Value("budget") is not null && line.Value("threshold") is not null)
            throw new UsageException("give --budget or --threshold, not both");
        int? budget = line.Value("budget") is null ? null : line.Int("budget");
        if (budget is <= 0)
            throw new UsageException("--budget must be at least 1");
        double? threshold = line.Value("threshold") is null ? null : line.Double("threshold", 0);
        if (threshold is < 0 or > 1)
            throw new UsageException("--threshold must be between 0 and 1");

        ScoringResult scoring;
        IReadOnlyList<Flag> flags;
        if (RunningServer.Find(context.Data) is { } server)
        {
            // The running dashboard holds the warehouse: it scores and selects, the file is written here.
            using var client = new ServerClient(server);
            (scoring, flags) = await client.FlagAsync(new FlagRequest(budget, threshold), cancellationToken);
        }
        else
        {
            var database = context.Warehouse();
            WarehouseSetup.Initialize(database);
            scoring = await new CodingScorer(database).ScoreUnscoredAsync(trainAnomalyWhenMissing: true, cancellationToken);
            flags = Etl.CodingQuality.Flags.Select(database, budget, threshold);
        }
        if (scoring.Skipped is { } skipped)
            context.Error.WriteLine($"healthstats flag: nothing scored: {skipped}");
        else
            context.Error.WriteLine($"scored {scoring.Scored:N0} abstracts (model {scoring.SupervisedModel ?? scoring.AnomalyModel})");
        if (line.Value("out") is { } path)
        {
            using var file = new StreamWriter(path);
            Etl.CodingQuality.Flags.WriteCsv(file, flags);
            context.Error.WriteLine($"{flags.Count:N0} flags written to {path}");
        }
        else
        {
            Etl.CodingQuality.Flags.WriteCsv(context.Out, flags);
        }
        return 0;
    }
}
