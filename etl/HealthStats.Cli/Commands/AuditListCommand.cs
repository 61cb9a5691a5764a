using System.Globalization;
using HealthStats.Etl.Audit;

namespace HealthStats.Cli.Commands;

internal sealed class AuditListCommand : ICommand
{
    public string Name => "audit list";

    public string Summary => "Lists the audit log's entries: who, when (UTC), what and from where.";

    public string Usage =>
        "usage: healthstats audit list [--since DATE] [--action ACTION] [--actor ACTOR] [--json]\n" +
        "  --since DATE   entries from this UTC date (yyyy-MM-dd) or time (yyyy-MM-ddTHH:mm:ssZ) on\n" +
        $"  --action A     only this action: {string.Join(", ", AuditActions.All)}\n" +
        "  --actor NAME   only this actor (a user name, or cli:USER)\n" +
        "  --json         JSON Lines, one entry a line with its hashes (as audit export writes them)";

    public IReadOnlyCollection<string> ValueOptions => ["since", "action", "actor"];

    public IReadOnlyCollection<string> Flags => ["json"];

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var line = context.Line;
        if (line.Positional.Count > 0)
            throw new UsageException($"unexpected argument '{line.Positional[0]}'");
        var action = line.Value("action");
        if (action is not null && !AuditActions.All.Contains(action, StringComparer.Ordinal))
            throw new UsageException($"unknown action '{action}'; one of {string.Join(", ", AuditActions.All)}");
        var entries = AuditLog.Open(context.Data).List(Since(line.Value("since")), action, line.Value("actor"));
        if (line.Flag("json"))
        {
            AuditExport.WriteJsonLines(entries, context.Out);
            return Task.FromResult(0);
        }
        context.Out.WriteLine($"{"seq",6}  {"time (UTC)",-19}  {"actor",-20} {"action",-18} {"source",-22} target");
        foreach (var e in entries)
            context.Out.WriteLine($"{e.Sequence,6}  {e.Time.UtcDateTime:yyyy-MM-dd HH:mm:ss}  {e.Actor,-20} {e.Action,-18} {e.Source,-22} {e.Target}");
        return Task.FromResult(0);
    }

    internal static DateTimeOffset? Since(string? value)
    {
        if (value is null)
            return null;
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var since)
            ? since
            : throw new UsageException($"--since '{value}' is not a date (yyyy-MM-dd) or a time (yyyy-MM-ddTHH:mm:ssZ)");
    }
}
