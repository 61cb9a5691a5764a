using System.Text.Json;
using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Cli.Commands;

internal sealed class BatchesCommand : ICommand
{
    public string Name => "batches";

    public string Summary => "Lists loaded batches, newest first, and each facility's last submission.";

    public string Usage =>
        "usage: healthstats batches [--json]\n" +
        "  --json   one JSON object: {\"batches\": [...], \"facilities\": [...]}";

    public IReadOnlyCollection<string> ValueOptions => [];

    public IReadOnlyCollection<string> Flags => ["json"];

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        if (context.Line.Positional.Count > 0)
            throw new UsageException($"unexpected argument '{context.Line.Positional[0]}'");
        var database = context.Warehouse();
        WarehouseSetup.Initialize(database);
        var batches = new BatchLoader(database).List();
        var facilities = FacilitySubmissions.List(database);
        if (context.Line.Flag("json"))
        {
            context.Out.WriteLine(JsonSerializer.Serialize(new
            {
                batches = batches.Select(b => new
                {
                    batch_id = b.BatchId, batch_seq = b.BatchSeq, file = b.FileName, sha256 = b.FileSha256, format = b.SourceFormat,
                    started_at = b.StartedAt, completed_at = b.CompletedAt, received = b.Received, loaded = b.Loaded, replaced = b.Replaced,
                    deleted = b.Deleted, quarantined = b.Quarantined, warnings = b.Warnings, quarantine_cleared = b.QuarantineCleared,
                }),
                facilities = facilities.Select(f => new { facility_id = f.FacilityId, last_submission = f.LastSubmission, last_batch_id = f.LastBatchId, abstracts = f.Abstracts }),
            }));
            return Task.FromResult(0);
        }
        context.Out.WriteLine($"{"seq",4}  {"batch",-16}  {"completed (UTC)",-19}  {"format",-6} {"received",9} {"loaded",9} {"replaced",9} {"deleted",8} {"quarant.",9}  file");
        foreach (var b in batches)
            context.Out.WriteLine($"{b.BatchSeq,4}  {b.BatchId,-16}  {b.CompletedAt:yyyy-MM-dd HH:mm:ss}  {b.SourceFormat,-6} {b.Received,9:N0} {b.Loaded,9:N0} {b.Replaced,9:N0} {b.Deleted,8:N0} {b.Quarantined,9:N0}  {b.FileName}");
        context.Out.WriteLine();
        context.Out.WriteLine($"{"facility",-10} {"last submission (UTC)",-21} {"abstracts",10}");
        foreach (var f in facilities)
            context.Out.WriteLine($"{f.FacilityId,-10} {f.LastSubmission:yyyy-MM-dd HH:mm:ss}   {f.Abstracts,10:N0}");
        return Task.FromResult(0);
    }
}
