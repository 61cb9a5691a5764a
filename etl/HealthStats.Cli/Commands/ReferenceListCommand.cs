using System.Text.Json;
using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Classification;
using HealthStats.Warehouse.CodeEdits;
using HealthStats.Warehouse.Reference;

namespace HealthStats.Cli.Commands;

internal sealed class ReferenceListCommand : ICommand
{
    public string Name => "reference list";

    public string Summary => "Lists the reference data: classification versions and addenda, edit tables, populations, standard populations, code lists.";

    public string Usage =>
        "usage: healthstats reference list [--json]\n" +
        "  --json   one JSON object: {\"classifications\": [...], \"code_edits\": [...], \"populations\": [...],\n" +
        "           \"standard_populations\": [...], \"code_lists\": [...]}";

    public IReadOnlyCollection<string> ValueOptions => [];

    public IReadOnlyCollection<string> Flags => ["json"];

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        if (context.Line.Positional.Count > 0)
            throw new UsageException($"unexpected argument '{context.Line.Positional[0]}'");
        var database = context.Warehouse();
        WarehouseSetup.Initialize(database);
        var classifications = new ClassificationStore(database);
        var versions = classifications.ListVersions();
        var addenda = classifications.ListAddenda().ToDictionary(a => a.VersionId);
        var edits = new CodeEditStore(database).ListImports();
        var populations = new PopulationStore(database).List();
        var standards = new StandardPopulationStore(database).List();
        var codeLists = new CodeListStore(database).List().GroupBy(e => e.List).ToList();
        var output = context.Out;

        if (context.Line.Flag("json"))
        {
            output.WriteLine(JsonSerializer.Serialize(new
            {
                classifications = versions.Select(v => new
                {
                    kind = v.Kind.ToString().ToLowerInvariant(), version = v.Version, effective_from = v.EffectiveFrom, effective_to = v.EffectiveTo,
                    codes = v.CodeCount, source = v.Source, builtin = v.Builtin, imported_at = v.ImportedAt,
                    addenda = addenda.TryGetValue(v.VersionId, out var a)
                        ? new { source = a.Source, additions = a.Additions, deletions = a.Deletions, revisions = a.Revisions, covers_from = a.CoversFrom, covers_to = a.CoversTo }
                        : null,
                }),
                code_edits = edits.Select(e => new
                {
                    version = e.Version, format = e.Format, effective_from = e.EffectiveFrom, codes = e.EditCount, codes_by_type = e.CountsByType,
                    skipped = e.SkippedCount, source = e.Source, builtin = e.Builtin, imported_at = e.ImportedAt,
                }),
                populations = populations.Select(p => new
                {
                    year_kind = PopulationStore.Name(p.YearKind), year = p.Year, region = p.Region, sexes = p.Sexes, age_groups = p.AgeGroups,
                    total = p.Total, source = p.Source,
                }),
                standard_populations = standards.Select(s => new
                {
                    name = s.Name, standard = s.Description, age_groups = s.AgeGroups, top_age_start = s.TopAgeStart, total = s.Total, source = s.Source,
                }),
                code_lists = codeLists.Select(g => new { list = g.Key, codes = g.Select(e => new { code = e.Code, title = e.Title }) }),
            }));
            return Task.FromResult(0);
        }

        output.WriteLine("classification versions");
        output.WriteLine($"  {"kind",-12} {"version",-24} {"from",-10} {"to",-10} {"codes",9}  source");
        foreach (var v in versions)
        {
            output.WriteLine($"  {v.Kind.ToString().ToLowerInvariant(),-12} {v.Version,-24} {v.EffectiveFrom:yyyy-MM-dd} {(v.EffectiveTo is { } to ? to.ToString("yyyy-MM-dd") : "open"),-10} {v.CodeCount,9:N0}  {(v.Builtin ? "built in" : v.Source)}");
            if (addenda.TryGetValue(v.VersionId, out var a))
            {
                output.WriteLine($"  {"",-12} addenda {a.Source}: {a.Additions:N0} additions, {a.Deletions:N0} deletions, {a.Revisions:N0} revisions; " +
                    $"apply to discharges from {a.CoversFrom:yyyy-MM-dd} to {a.CoversTo:yyyy-MM-dd}");
            }
        }
        output.WriteLine();
        output.WriteLine("edit tables (for each edit type, the latest version in force at discharge; imported before built in)");
        output.WriteLine($"  {"version",-24} {"from",-10} {"codes",7}  edit types");
        foreach (var e in edits)
        {
            output.WriteLine($"  {e.Version,-24} {e.EffectiveFrom:yyyy-MM-dd} {e.EditCount,7:N0}  " +
                $"{string.Join(", ", e.CountsByType.Select(c => $"{c.Key} {c.Value:N0}"))}  ({(e.Builtin ? "built in" : $"{e.Format}: {e.Source}")})");
        }
        output.WriteLine();
        output.WriteLine("populations");
        if (populations.Count == 0)
            output.WriteLine("  none: import them with reference import-population");
        foreach (var p in populations)
            output.WriteLine($"  {PopulationStore.Name(p.YearKind),-8} {p.Year} {p.Region,-20} sexes {p.Sexes,-3} {p.AgeGroups,3} age groups  total {p.Total,13:N0}  {p.Source}");
        output.WriteLine();
        output.WriteLine("standard populations");
        if (standards.Count == 0)
            output.WriteLine("  none: import them with reference import-standard-population");
        foreach (var s in standards)
            output.WriteLine($"  {s.Name,-24} {s.AgeGroups,3} age groups (top {s.TopAgeStart}+)  total {s.Total,13:N0}  {s.Description}");
        output.WriteLine();
        output.WriteLine("code lists");
        foreach (var list in codeLists)
            output.WriteLine($"  {list.Key,-22} {string.Join(' ', list.Select(e => e.Code))}");
        return Task.FromResult(0);
    }
}
