using HealthStats.Etl.Backup;

namespace HealthStats.Cli.Commands;

internal sealed class RestoreCommand : ICommand
{
    public string Name => "restore";

    public string Summary => "Restores a data directory from a backup archive, checked file by file against its manifest first.";

    public string Usage =>
        "usage: healthstats restore FILE [--data DIR] [--replace]\n" +
        "  FILE        an archive written by healthstats backup\n" +
        "  --replace   restore over an existing data directory, which is kept aside as DIR.replaced-TIMESTAMP\n" +
        "Without --replace the data directory must be new or empty. A damaged archive changes nothing.";

    public IReadOnlyCollection<string> ValueOptions => [];

    public IReadOnlyCollection<string> Flags => ["replace"];

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var line = context.Line;
        if (line.Positional.Count != 1)
            throw new UsageException("give exactly one backup archive");
        var result = DataRestore.Restore(line.Positional[0], context.Data, line.Flag("replace"));
        context.Out.WriteLine($"restored {result.Files:N0} files ({result.Bytes / 1048576.0:N1} MB) of the backup made {result.BackupCreatedAt:yyyy-MM-dd HH:mm:ss} UTC into {context.Data.Root}");
        if (result.KeptAside is not null)
            context.Out.WriteLine($"the directory it replaced is kept as {result.KeptAside}");
        return Task.FromResult(0);
    }
}
