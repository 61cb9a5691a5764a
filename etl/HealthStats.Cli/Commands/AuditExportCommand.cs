using HealthStats.Etl.Audit;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Cli.Commands;

internal sealed class AuditExportCommand : ICommand
{
    public string Name => "audit export";

    public string Summary => "Writes the audit log with its hashes to a file (JSON Lines to re-verify, or CSV to read), owner-only.";

    public string Usage =>
        "usage: healthstats audit export --out FILE [--format jsonl|csv]\n" +
        "  --out FILE      the file to write (owner-only: it names users and addresses)\n" +
        "  --format F      jsonl (every field exact: `audit verify --file FILE` re-checks it) or csv (text beginning\n" +
        "                  with =, +, -, @ gets an apostrophe for spreadsheets); default csv for a .csv file, else jsonl\n" +
        "The whole log, from entry 1: a chain is checked from its start.";

    public IReadOnlyCollection<string> ValueOptions => ["out", "format"];

    public IReadOnlyCollection<string> Flags => [];

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var line = context.Line;
        if (line.Positional.Count > 0)
            throw new UsageException($"unexpected argument '{line.Positional[0]}'");
        var file = line.Required("out");
        var format = line.Value("format") ?? (file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "csv" : "jsonl");
        if (format is not ("csv" or "jsonl"))
            throw new UsageException($"unknown format '{format}': csv or jsonl");
        var entries = AuditLog.Open(context.Data).List();
        using (var stream = OwnerOnly.CreateFile(file, FileMode.Create))
        using (var writer = new StreamWriter(stream))
        {
            if (format == "csv")
                writer.Write(AuditExport.Csv(entries));
            else
                AuditExport.WriteJsonLines(entries, writer);
        }
        context.Out.WriteLine($"{entries.Count} entries written to {file} ({format})");
        return Task.FromResult(0);
    }
}
