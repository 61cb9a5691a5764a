using HealthStats.Etl.Audit;

namespace HealthStats.Cli.Commands;

/// <summary>
/// The quarantine is the one place that keeps raw records, so every look at it is a record-level view
/// and goes to the audit log: which command, how many records and the filters, never a record's content.
/// </summary>
internal static class QuarantineAudit
{
    /// <summary>Appends before anything is shown or written, so an unwritable log stops the command.</summary>
    public static void RecordView(CliContext context, string command, int records)
    {
        var filters = new[] { "batch", "facility" }
            .Select(name => context.Line.Value(name) is { } value ? $", {name} {value}" : "");
        AuditLog.Open(context.Data).Append(AuditLog.CliActor(), AuditActions.RecordView,
            $"{command}: {records:N0} record(s){string.Concat(filters)}", AuditLog.CliSource());
    }
}
