using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Classification;

namespace HealthStats.Cli.Commands;

internal sealed class ImportAddendaCommand : ICommand
{
    public string Name => "reference import-addenda";

    public string Summary => "Imports a CMS addenda file for a classification version: codes it deleted stay valid the year before it.";

    public string Usage =>
        "usage: healthstats reference import-addenda FILE --kind diagnosis|intervention --version V\n" +
        "  FILE        a CMS addenda file: the ICD-10-CM or ICD-10-PCS order addenda (*_order_addenda_*.txt)\n" +
        "              or the ICD-10-CM codes addenda (*_codes_addenda_*.txt), with Add:, Delete:,\n" +
        "              Revise from: and Revise to: lines\n" +
        "  --kind      diagnosis or intervention\n" +
        "  --version V the imported version the addenda lead to, e.g. ICD-10-CM-2026; its addenda\n" +
        "              describe the year before its effective-from date: there a code the version\n" +
        "              deleted is valid (with its old title), a code it added is not, and a revised\n" +
        "              code has its old title. Re-importing replaces the version's addenda.";

    public IReadOnlyCollection<string> ValueOptions => ["kind", "version"];

    public IReadOnlyCollection<string> Flags => [];

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var line = context.Line;
        var file = line.SingleFile();
        var kind = KindOption.Parse(line);
        var version = line.Required("version");
        if (!File.Exists(file))
            throw new FileNotFoundException($"{file}: no such file");

        var entries = AddendaFiles.Read(file);
        var database = context.Warehouse();
        WarehouseSetup.Initialize(database);
        var result = new ClassificationStore(database).ImportAddenda(kind, version, Path.GetFileName(file), entries);
        WarehouseSetup.RebuildMarts(database); // codes known only from the addenda get their titles in the marts
        context.Out.WriteLine(
            $"imported the addenda of {kind.ToString().ToLowerInvariant()} version {result.Version}: {result.Additions:N0} additions, " +
            $"{result.Deletions:N0} deletions, {result.Revisions:N0} revisions; they apply to discharges from {result.CoversFrom:yyyy-MM-dd} to {result.CoversTo:yyyy-MM-dd}");
        return Task.FromResult(0);
    }
}
