using HealthStats.Etl.Ingest.Quarantine;
using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Cli.Commands;

internal sealed class QuarantineExportCommand : ICommand
{
    public string Name => "quarantine export";

    public string Summary => "Writes open quarantined records in the abstracts layout, reasons in extra columns, to correct and resubmit.";

    public string Usage =>
        "usage: healthstats quarantine export --out FILE [--batch ID] [--facility F]\n" +
        "  --out FILE     the CSV to write: the abstracts layout, then quarantine_* columns with the reasons\n" +
        "                 (ingest skips those columns, so the corrected file is sent back as it is)\n" +
        "  --batch ID     one batch only\n" +
        "  --facility F   one facility only\n" +
        "The file holds personal health information: it is created readable by its owner only.";

    public IReadOnlyCollection<string> ValueOptions => ["out", "batch", "facility"];

    public IReadOnlyCollection<string> Flags => [];

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var line = context.Line;
        if (line.Positional.Count > 0)
            throw new UsageException($"unexpected argument '{line.Positional[0]}'");
        var outFile = line.Required("out");
        var database = context.Warehouse();
        WarehouseSetup.Initialize(database);
        IReadOnlyList<QuarantineEntry> entries;
        using (var connection = database.OpenConnection())
            entries = QuarantineIndex.List(connection, line.Value("batch"), line.Value("facility"), includeCleared: false);
        var open = entries.Select(e => (e.BatchId, e.Line)).ToHashSet();
        QuarantineAudit.RecordView(context, Name, open.Count);
        using var stream = OwnerOnly.CreateFile(Path.GetFullPath(outFile), FileMode.Create);
        using var writer = new StreamWriter(stream);
        var written = QuarantineExport.Write(context.Data.QuarantineDirectory, open, writer);
        context.Out.WriteLine($"wrote {written:N0} quarantined record(s) to {outFile}");
        return Task.FromResult(0);
    }
}
