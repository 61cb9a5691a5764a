using HealthStats.Etl.Audit;
using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Extracts;

namespace HealthStats.Cli.Commands;

internal sealed class ExtractCommand : ICommand
{
    public string Name => "extract";

    public string Summary => "Writes a statistical extract of a spec file: tables suppressed so that no small count can be recovered, a data dictionary and a manifest.";

    public string Usage =>
        "usage: healthstats extract --spec FILE --out DIR\n" +
        "  --spec FILE   the extract spec (JSON, see warehouse/HealthStats.Warehouse/Extracts/extract-spec.schema.json)\n" +
        "  --out DIR     the folder to write into: NAME.csv and NAME.parquet per table, data-dictionary.csv, manifest.json\n" +
        "Refuses, writing nothing, when the spec is wrong (each problem named by its JSON path) or when the\n" +
        "disclosure auditor does not pass what the extract would release. Reads the warehouse: stop the dashboard first.";

    public IReadOnlyCollection<string> ValueOptions => ["spec", "out"];

    public IReadOnlyCollection<string> Flags => [];

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var line = context.Line;
        if (line.Positional.Count > 0)
            throw new UsageException($"unexpected argument '{line.Positional[0]}'");
        var specFile = line.Required("spec");
        var folder = line.Required("out");
        // Checked before the warehouse opens: a wrong spec needs no database.
        var spec = ExtractSpecReader.Read(specFile);
        var database = context.Warehouse();
        WarehouseSetup.Initialize(database);
        var extract = ExtractBuilder.Build(database, spec);
        var files = await ExtractWriter.WriteAsync(extract, folder, cancellationToken);
        // The manifest holds the SHA-256 of every other file: its own hash identifies the whole extract.
        var manifest = files.Single(f => f.Name == ExtractWriter.ManifestFile);
        AuditLog.Open(context.Data).Append(AuditLog.CliActor(), AuditActions.ExtractProduced,
            $"{spec.Name} manifest sha256:{manifest.Sha256}", AuditLog.CliSource());

        var suppressed = extract.Publication.Cells.Count(c => c.IsSuppressed);
        context.Out.WriteLine($"extract {spec.Name}: {extract.Tables.Count} tables, {extract.Tables.Sum(t => t.Rows.Count)} rows, " +
            $"{suppressed} of {extract.Publication.Cells.Count} counts suppressed (policy {extract.Policy.Name}); audit passed");
        foreach (var file in files)
            context.Out.WriteLine($"  {Path.Combine(folder, file.Name)}  {file.Sha256}");
        return 0;
    }
}
