using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Classification;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Cli.Commands;

internal sealed class ImportClassificationCommand : ICommand
{
    public string Name => "reference import-classification";

    public string Summary => "Imports a classification file (ICD-10-CM/CA diagnoses, ICD-10-PCS/CCI interventions) as a version.";

    public string Usage =>
        "usage: healthstats reference import-classification FILE --kind diagnosis|intervention --version V\n" +
        "                            --effective-from DATE [--effective-to DATE] [--format cms-order|csv]\n" +
        "  FILE              a CMS order file or a CSV of code,title,billable[,chapter,block]\n" +
        "  --kind            diagnosis or intervention\n" +
        "  --version V       the version's name, e.g. ICD-10-CM-2026 (re-importing a version replaces it\n" +
        "                    and drops its addenda: import them again)\n" +
        "  --effective-from  first discharge date the version applies to (yyyy-MM-dd)\n" +
        "  --effective-to    last discharge date it applies to (default: open)\n" +
        "  --format          cms-order or csv (default: detected from the file)";

    public IReadOnlyCollection<string> ValueOptions => ["kind", "version", "effective-from", "effective-to", "format"];

    public IReadOnlyCollection<string> Flags => [];

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var line = context.Line;
        var file = line.SingleFile();
        var kind = KindOption.Parse(line);
        var format = line.Value("format");
        if (format is not (null or "cms-order" or "csv"))
            throw new UsageException($"--format must be cms-order or csv, not '{format}'");
        var version = line.Required("version");
        var from = line.Date("effective-from") ?? throw new UsageException("option --effective-from is required");
        var to = line.Date("effective-to");
        if (!File.Exists(file))
            throw new FileNotFoundException($"{file}: no such file");

        var database = context.Warehouse();
        WarehouseSetup.Initialize(database);
        var store = new ClassificationStore(database);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var count = store.Import(new ClassificationImport(kind, version, from, to, Path.GetFileName(file)), ClassificationFiles.Read(file, format!));
        WarehouseSetup.RebuildMarts(database); // titles and chapters in the marts follow the new version
        context.Out.WriteLine(
            $"imported {count:N0} {kind.ToString().ToLowerInvariant()} codes as version {version}, effective from {from:yyyy-MM-dd}" +
            (to is null ? "" : $" to {to:yyyy-MM-dd}") + $", in {started.Elapsed.TotalSeconds:F1} s");
        return Task.FromResult(0);
    }
}
