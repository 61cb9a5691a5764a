using System.Text.Json;
using HealthStats.Etl.Deidentification;
using HealthStats.Etl.Handoff;
using HealthStats.Etl.Ingest;
using HealthStats.Etl.Ingest.Validation;
using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Cli.Commands;

internal sealed class IngestCommand : ICommand
{
    public string Name => "ingest";

    public string Summary => "Validates, de-identifies and loads abstract files; prints what was loaded and quarantined.";

    public string Usage =>
        "usage: healthstats ingest FILE... [--json] [--ignore-unknown-columns]\n" +
        "  FILE                      abstracts as CSV (formats.md section 1), JSON Lines (section 2) or FHIR R4\n" +
        "                            bundles (NDJSON or one Bundle), each optionally gzip-compressed; the format\n" +
        "                            comes from the name (.csv, .jsonl/.ndjson, .fhir.json/.fhir.ndjson, each\n" +
        "                            optionally .gz) or, failing that, from the content\n" +
        "  --json                    print the summary as one JSON object on standard output\n" +
        "  --ignore-unknown-columns  read files whose header (CSV) or objects (JSON Lines) have columns the\n" +
        "                            layout does not know\n" +
        "When a dashboard is running on the same data directory, the work is handed to it (it owns the\n" +
        "warehouse while it runs); otherwise this process loads the warehouse itself.";

    public IReadOnlyCollection<string> ValueOptions => [];

    public IReadOnlyCollection<string> Flags => ["json", "ignore-unknown-columns"];

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var line = context.Line;
        if (line.Positional.Count == 0)
            throw new UsageException("give at least one FILE");
        var paths = line.Positional.Select(Path.GetFullPath).ToList();
        var json = line.Flag("json");
        var ignoreUnknown = line.Flag("ignore-unknown-columns");

        IngestTotals totals;
        if (RunningServer.Find(context.Data) is { } server)
        {
            using var client = new ServerClient(server);
            totals = await client.IngestAsync(new IngestRequest(paths, ignoreUnknown), json ? null : context.Error.WriteLine, cancellationToken);
        }
        else
        {
            var database = context.Warehouse();
            WarehouseSetup.Initialize(database);
            var key = HmacKeyStore.Load(context.Data,
                Environment.GetEnvironmentVariable("HealthStats__HmacKey"), Environment.GetEnvironmentVariable("HealthStats__HmacKeyFile"));
            var service = new IngestService(database, new Pseudonymiser(key));
            var progress = json ? null : ProgressDisplay.ForConsole(context.Error);
            totals = await service.IngestFilesAsync(paths, new IngestOptions { IgnoreUnknownColumns = ignoreUnknown, Progress = progress }, cancellationToken);
        }

        if (json)
            context.Out.WriteLine(JsonSerializer.Serialize(totals));
        else
            WriteTable(context.Out, totals);
        foreach (var failed in totals.Failed)
            context.Error.WriteLine($"healthstats ingest: {failed.Error}");
        return totals.Failed.Count > 0 ? 1 : 0;
    }

    private static void WriteTable(TextWriter output, IngestTotals totals)
    {
        foreach (var file in totals.Files)
        {
            output.WriteLine($"{file.File}  (batch {file.BatchId}, {file.Status.Replace('_', ' ')}, {file.Seconds:F1} s)");
            WriteCounts(output, file.Received, file.Loaded, file.Replaced, file.Deleted, file.Quarantined, file.Warnings,
                file.QuarantinedByReason, file.WarningsByRule);
        }
        if (totals.Files.Count > 1)
        {
            output.WriteLine("total");
            WriteCounts(output, totals.Received, totals.Loaded, totals.Replaced, totals.Deleted, totals.Quarantined, totals.Warnings,
                totals.QuarantinedByReason, totals.WarningsByRule);
        }
    }

    private static void WriteCounts(TextWriter output, int received, int loaded, int replaced, int deleted, int quarantined, int warnings,
        IReadOnlyDictionary<string, int> byReason, IReadOnlyDictionary<string, int> byRule)
    {
        output.WriteLine($"  received {received,10:N0}");
        output.WriteLine($"  loaded {loaded,12:N0}   (replaced {replaced:N0}, deleted {deleted:N0})");
        output.WriteLine($"  quarantined {quarantined,7:N0}");
        foreach (var (rule, count) in byReason)
            output.WriteLine($"    {rule} {count,9:N0}  {Describe(rule)}");
        output.WriteLine($"  warnings {warnings,10:N0}");
        foreach (var (rule, count) in byRule)
            output.WriteLine($"    {rule} {count,9:N0}  {Describe(rule)}");
    }

    private static string Describe(string ruleId) =>
        ValidationRules.All.FirstOrDefault(r => r.Id == ruleId)?.Description ?? "";
}
