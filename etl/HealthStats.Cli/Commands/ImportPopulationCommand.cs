using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Reference;

namespace HealthStats.Cli.Commands;

internal sealed class ImportPopulationCommand : ICommand
{
    public string Name => "reference import-population";

    public string Summary => "Imports population denominators (year, region, sex, age group) for rates.";

    public string Usage =>
        "usage: healthstats reference import-population FILE --year-kind calendar|fiscal [--replace]\n" +
        "  FILE         a CSV of year,region,sex,age_start,age_end,population: sex M, F or T (total of\n" +
        "               both sexes), region a residence region code or ALL, age_end empty for the open\n" +
        "               top group; within a year, region and sex the age groups follow on without gaps\n" +
        "  --year-kind  calendar (January to December) or fiscal (April to March, named by its first year)\n" +
        "  --replace    drop every population of that year kind first; without it, each year and region\n" +
        "               in the file replaces what was held for it and the others stay";

    public IReadOnlyCollection<string> ValueOptions => ["year-kind"];

    public IReadOnlyCollection<string> Flags => ["replace"];

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var line = context.Line;
        var file = line.SingleFile();
        var yearKind = line.Required("year-kind") switch
        {
            "calendar" => YearKind.Calendar,
            "fiscal" => YearKind.Fiscal,
            var other => throw new UsageException($"--year-kind must be calendar or fiscal, not '{other}'"),
        };

        var rows = PopulationFile.Read(file);
        var database = context.Warehouse();
        WarehouseSetup.Initialize(database);
        var (replaced, count) = new PopulationStore(database).Import(yearKind, rows, Path.GetFileName(file), line.Flag("replace"));
        var kind = PopulationStore.Name(yearKind);
        if (line.Flag("replace"))
            context.Out.WriteLine($"dropped every {kind}-year population held before (--replace)");
        foreach (var (year, region) in replaced)
            context.Out.WriteLine($"replaced the populations of {kind} year {year}, region {region}");
        var pairs = rows.Select(r => (r.Year, r.Region)).Distinct().Count();
        context.Out.WriteLine($"imported {count:N0} population counts for {pairs:N0} {kind} year(s) and region(s)" +
            (line.Flag("replace") ? "" : $", {replaced.Count:N0} of them replacing earlier ones"));
        return Task.FromResult(0);
    }
}
