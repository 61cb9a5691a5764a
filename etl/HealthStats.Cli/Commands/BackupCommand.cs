using HealthStats.Etl.Backup;

namespace HealthStats.Cli.Commands;

internal sealed class BackupCommand : ICommand
{
    public string Name => "backup";

    public string Summary => "Writes the whole data directory (warehouse, lake, quarantine, models, secrets, audit log, job state) into one archive.";

    public string Usage =>
        "usage: healthstats backup --out FILE [--data DIR]\n" +
        "  --out FILE   the archive to write (tar, gzip-compressed; owner-only: it holds keys and quarantined records),\n" +
        "               outside the data directory\n" +
        "Needs the warehouse to itself: stop the dashboard first. Restore it with healthstats restore.";

    public IReadOnlyCollection<string> ValueOptions => ["out"];

    public IReadOnlyCollection<string> Flags => [];

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var line = context.Line;
        if (line.Positional.Count > 0)
            throw new UsageException($"unexpected argument '{line.Positional[0]}'");
        var result = DataBackup.Write(context.Data, line.Required("out"));
        context.Out.WriteLine($"backed up {result.Files:N0} files ({result.Bytes / 1048576.0:N1} MB) of {context.Data.Root} to {result.Archive} ({result.ArchiveBytes / 1048576.0:N1} MB)");
        return Task.FromResult(0);
    }
}
