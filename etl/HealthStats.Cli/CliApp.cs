using HealthStats.Cli.Commands;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Cli;

/// <summary>The `healthstats` command: finds the command named by the first words and runs it.</summary>
internal static class CliApp
{
    public static readonly IReadOnlyList<ICommand> Commands =
    [
        new GenerateCommand(),
        new ImportClassificationCommand(),
        new ImportAddendaCommand(),
        new ImportCodeListCommand(),
        new ImportEditsCommand(),
        new ImportPopulationCommand(),
        new ImportStandardPopulationCommand(),
        new ReferenceListCommand(),
        new ImportCcsrCommand(),
        new IngestCommand(),
        new FuzzCommand(),
        new QuarantineListCommand(),
        new QuarantineExportCommand(),
        new BatchesCommand(),
        new WarehouseRebuildCommand(),
        new LakeCompactCommand(),
        new WarehouseModelsCommand(),
        new StatsCommand(),
        new ExtractCommand(),
        new LabelsImportCommand(),
        new TrainCommand(),
        new FlagCommand(),
        new BenchIngestCommand(),
        new BenchCodingCommand(),
        new BenchPagesCommand(),
        new BenchLoadCommand(),
        new CrashTrialsCommand(),
        new WorkerCommand(),
        new BackupCommand(),
        new RestoreCommand(),
        new UsersAddCommand(),
        new UsersListCommand(),
        new UsersResetCommand(),
        new UsersUnlockCommand(),
        new UsersRemoveCommand(),
        new TokensIssueCommand(),
        new TokensListCommand(),
        new TokensRevokeCommand(),
        new AuditVerifyCommand(),
        new AuditListCommand(),
        new AuditExportCommand(),
    ];

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        HealthStats.Warehouse.Storage.OwnerOnlyUmask.Apply();
        var command = Commands
            .Where(c => c.Name.Split(' ').SequenceEqual(args.Take(c.Name.Split(' ').Length)))
            .MaxBy(c => c.Name.Length);
        if (command is null)
        {
            var unknown = args.Length > 0 && args[0] is not ("--help" or "-h" or "help");
            if (unknown)
                stderr.WriteLine($"healthstats: unknown command '{string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')))}'");
            WriteOverview(unknown ? stderr : stdout);
            return unknown ? 2 : 0;
        }
        var rest = args.Skip(command.Name.Split(' ').Length);
        CommandLine line;
        try
        {
            line = CommandLine.Parse(rest, [.. command.ValueOptions, "data"], command.Flags);
        }
        catch (UsageException ex)
        {
            stderr.WriteLine($"healthstats {command.Name}: {ex.Message}");
            stderr.WriteLine(command.Usage);
            return 2;
        }
        if (line.Help)
        {
            stdout.WriteLine(command.Summary);
            stdout.WriteLine();
            stdout.WriteLine(command.Usage);
            stdout.WriteLine("  --data DIR   the data directory (default: $HealthStats__DataDirectory, else ./data)");
            return 0;
        }
        try
        {
            return await command.RunAsync(new CliContext(line, stdout, stderr), cancellationToken);
        }
        catch (UsageException ex)
        {
            stderr.WriteLine($"healthstats {command.Name}: {ex.Message}");
            stderr.WriteLine(command.Usage);
            return 2;
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or InvalidDataException or ArgumentException or FormatException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"healthstats {command.Name}: {ex.Message}");
            return 1;
        }
    }

    private static void WriteOverview(TextWriter writer)
    {
        writer.WriteLine("usage: healthstats <command> [options]   (every command takes --data DIR and --help)");
        writer.WriteLine();
        foreach (var command in Commands)
            writer.WriteLine($"  {command.Name,-34} {command.Summary}");
    }
}
