using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Reference;

namespace HealthStats.Cli.Commands;

internal sealed class ImportStandardPopulationCommand : ICommand
{
    public string Name => "reference import-standard-population";

    public string Summary => "Imports standard populations for direct age standardisation (section 5 or SEER layout).";

    public string Usage =>
        "usage: healthstats reference import-standard-population FILE [--standard NAME] [--as NAME]\n" +
        "  FILE             a CSV of standard,age_start,age_end,population, or the SEER layout\n" +
        "                   standard,agecat,age_start,age_end,pop,source[,uploaded]; age groups from 0\n" +
        "                   without gaps, the top one open or ending at 100 or later (stored as open)\n" +
        "  --standard NAME  import only the standard of that name (exact); without it, every standard\n" +
        "                   in the file, each under its own name\n" +
        "  --as NAME        store it under this short name, e.g. CAN2011 (needs exactly one standard);\n" +
        "                   a standard already held under the name is replaced";

    public IReadOnlyCollection<string> ValueOptions => ["standard", "as"];

    public IReadOnlyCollection<string> Flags => [];

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var line = context.Line;
        var file = line.SingleFile();
        var alias = line.Value("as")?.Trim();
        if (alias is { Length: 0 or > StandardPopulationStore.MaxNameLength })
            throw new UsageException($"--as needs a name of 1 to {StandardPopulationStore.MaxNameLength} characters");

        var standards = StandardPopulationFile.Read(file, line.Value("standard"));
        if (alias is not null && standards.Count > 1)
        {
            throw new UsageException(
                $"{file} holds {standards.Count} standards, and --as names one: pick it with --standard, e.g. --standard \"{standards[0].Standard}\"");
        }
        var named = standards.Select(s => (Name: alias ?? s.Standard, Standard: s)).ToList();
        var database = context.Warehouse();
        WarehouseSetup.Initialize(database);
        var replaced = new StandardPopulationStore(database).Import(named, Path.GetFileName(file));
        foreach (var (name, standard) in named)
        {
            context.Out.WriteLine(
                $"{(replaced.Contains(name) ? "replaced" : "imported")} standard population {name}" +
                (name == standard.Standard ? "" : $" ({standard.Standard})") +
                $": {standard.Groups.Count} age groups, total {standard.Groups.Sum(g => g.Population):N0}");
        }
        return Task.FromResult(0);
    }
}
