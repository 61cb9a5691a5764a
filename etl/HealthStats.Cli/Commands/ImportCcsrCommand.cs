using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Ccsr;

namespace HealthStats.Cli.Commands;

internal sealed class ImportCcsrCommand : ICommand
{
    public string Name => "reference import-ccsr";

    public string Summary => "Imports AHRQ's CCSR for ICD-10-CM diagnoses (the DX_to_CCSR mapping in long form), replacing any earlier one.";

    public string Usage =>
        "usage: healthstats reference import-ccsr FILE [--categories FILE] [--version V]\n" +
        "  FILE          the DX_to_CCSR mapping as CSV, one row per code and category: ICD-10-CM Code,\n" +
        "                CCSR Category, Inpatient Default CCSR (Y/N/X), Outpatient Default CCSR (Y/N/X)\n" +
        "                [, ICD-10-CM Code Description, CCSR Category Description]\n" +
        "  --categories  the CCSR_Categories CSV (CCSR Category, CCSR Category Description); without it\n" +
        "                the descriptions come from the mapping\n" +
        "  --version V   the CCSR version's name (default: from the file name, e.g. v2023-1)";

    public IReadOnlyCollection<string> ValueOptions => ["categories", "version"];

    public IReadOnlyCollection<string> Flags => [];

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var line = context.Line;
        var file = line.SingleFile();
        var categories = line.Value("categories");
        foreach (var path in new[] { file, categories })
        {
            if (path is not null && !File.Exists(path))
                throw new FileNotFoundException($"{path}: no such file");
        }

        var database = context.Warehouse();
        WarehouseSetup.Initialize(database);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = new CcsrStore(database).Import(file, categories, line.Value("version"));
        WarehouseSetup.RebuildMarts(database); // the marts' CCSR columns follow the new version
        context.Out.WriteLine(
            $"imported CCSR {result.Version}: {result.Codes:N0} codes, {result.Mappings:N0} code-category rows, " +
            $"{result.Categories:N0} categories, in {started.Elapsed.TotalSeconds:F1} s");
        return Task.FromResult(0);
    }
}
