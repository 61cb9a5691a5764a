using HealthStats.Etl.Audit;

namespace HealthStats.Cli.Commands;

internal sealed class AuditVerifyCommand : ICommand
{
    public string Name => "audit verify";

    public string Summary => "Checks the audit log's hash chain: exits 1 naming the first entry edited, deleted, inserted or moved.";

    public string Usage =>
        "usage: healthstats audit verify [--file EXPORT.jsonl]\n" +
        "  --file FILE   check a JSON Lines export (audit export --out FILE.jsonl) instead of the data directory's log\n" +
        "Prints \"N entries, chain intact\" and the last hash (keep it elsewhere: entries cut off the end leave\n" +
        "no gap that the chain itself can show), or the first entry that breaks the chain, and exits 1.";

    public IReadOnlyCollection<string> ValueOptions => ["file"];

    public IReadOnlyCollection<string> Flags => [];

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        if (context.Line.Positional.Count > 0)
            throw new UsageException($"unexpected argument '{context.Line.Positional[0]}'");
        AuditVerification result;
        if (context.Line.Value("file") is { } file)
        {
            using var reader = new StreamReader(file);
            result = AuditChain.Verify(AuditExport.ReadJsonLines(reader));
        }
        else
        {
            result = AuditLog.Open(context.Data).Verify();
        }
        if (result.IsIntact)
        {
            context.Out.WriteLine($"{result.VerifiedEntries} entries, chain intact");
            context.Out.WriteLine($"last hash {result.LastHash}");
            return Task.FromResult(0);
        }
        context.Out.WriteLine($"chain broken at entry {result.FirstBadSequence}: {result.Problem}");
        context.Out.WriteLine($"{result.VerifiedEntries} entries before it are intact");
        return Task.FromResult(1);
    }
}
