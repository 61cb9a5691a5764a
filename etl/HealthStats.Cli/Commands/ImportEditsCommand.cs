using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.CodeEdits;

namespace HealthStats.Cli.Commands;

internal sealed class ImportEditsCommand : ICommand
{
    public string Name => "reference import-edits";

    public string Summary => "Imports a coding edit table (CMS MCE layout or a site CSV) as a version valid from its effective date.";

    public string Usage =>
        "usage: healthstats reference import-edits FILE [--format mce|csv] [--version V]\n" +
        "  FILE        the CMS MCE simple code edits file (tab separated: MCE_Version, ICD_Version, MCE_Section,\n" +
        "              MCE_Subsection, MCE_Edit_Type, ICD_Code_Type, ICD_Code, ICD_Desc), in force from October 1st\n" +
        "              of its fiscal year (version 37 = FY2020, from 2019-10-01); or a site CSV\n" +
        "              edit_type,code_kind,code,effective_from[,effective_to]\n" +
        "  --format    mce or csv (default: told by the file's first line)\n" +
        "  --version V the name it is kept under (default: MCE-vNN, or the file's name); a version held\n" +
        "              under that name is replaced. For each edit type it holds, it supersedes older\n" +
        "              versions for discharges from its effective date on. Loaded abstracts keep the\n" +
        "              edits they were checked with: the edits run at ingest";

    public IReadOnlyCollection<string> ValueOptions => ["format", "version"];

    public IReadOnlyCollection<string> Flags => [];

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var line = context.Line;
        var file = line.SingleFile();
        CodeEditFormat? format = line.Value("format")?.Trim().ToLowerInvariant() switch
        {
            null => null,
            "mce" => CodeEditFormat.Mce,
            "csv" => CodeEditFormat.Csv,
            var other => throw new UsageException($"--format must be mce or csv, not '{other}'"),
        };
        if (!File.Exists(file))
            throw new FileNotFoundException($"{file}: no such file");

        var database = context.Warehouse();
        WarehouseSetup.Initialize(database);
        var result = new CodeEditStore(database).Import(file, format, line.Value("version"));
        foreach (var (type, count) in result.CountsByType)
            context.Out.WriteLine($"{type,-24} {count,7:N0} codes");
        var skipped = result.Skipped > 0 ? $"; {result.Skipped:N0} MCE coverage rows not run (sections 11, 17, 18, 19)" : "";
        context.Out.WriteLine(
            $"imported edits {result.Version} ({(result.Format == CodeEditFormat.Mce ? "mce" : "csv")}) for discharges from {result.EffectiveFrom:yyyy-MM-dd}" +
            $"{(result.Replaced ? ", replacing the version of that name" : "")}: {result.CountsByType.Values.Sum():N0} codes{skipped}");
        return Task.FromResult(0);
    }
}
