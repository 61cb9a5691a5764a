using System.Text.Json;
using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Cli.Commands;

internal sealed class QuarantineListCommand : ICommand
{
    public string Name => "quarantine list";

    public string Summary => "Lists quarantined records (where and why, not their content), open ones unless --all.";

    public string Usage =>
        "usage: healthstats quarantine list [--batch ID] [--facility F] [--all] [--json]\n" +
        "  --batch ID     one batch only\n" +
        "  --facility F   one facility only\n" +
        "  --all          include records cleared by a later corrected submission\n" +
        "  --json         one JSON array on standard output";

    public IReadOnlyCollection<string> ValueOptions => ["batch", "facility"];

    public IReadOnlyCollection<string> Flags => ["all", "json"];

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var line = context.Line;
        if (line.Positional.Count > 0)
            throw new UsageException($"unexpected argument '{line.Positional[0]}'");
        var database = context.Warehouse();
        WarehouseSetup.Initialize(database);
        using var connection = database.OpenConnection();
        var entries = QuarantineIndex.List(connection, line.Value("batch"), line.Value("facility"), line.Flag("all"));
        QuarantineAudit.RecordView(context, Name, entries.Count);
        if (line.Flag("json"))
        {
            context.Out.WriteLine(JsonSerializer.Serialize(entries));
            return Task.FromResult(0);
        }
        context.Out.WriteLine($"{"batch",-16}  {"file",-24} {"line",7}  {"facility",-8} {"abstract",-16} {"rule",-4} {"field",-16} reason");
        foreach (var e in entries)
        {
            context.Out.WriteLine($"{e.BatchId,-16}  {Cut(e.File, 24),-24} {e.Line,7}  {e.FacilityId,-8} {Cut(e.AbstractId ?? "", 16),-16} {e.RuleId,-4} {e.Field,-16} {e.Reason}" +
                (e.ClearedByBatch is null ? "" : $"  [cleared by {e.ClearedByBatch}]"));
        }
        context.Out.WriteLine($"{entries.Count:N0} record(s)");
        return Task.FromResult(0);
    }

    private static string Cut(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
