using System.Text.Json;
using HealthStats.Etl.CodingQuality;
using HealthStats.Etl.Handoff;
using HealthStats.Warehouse.Build;

namespace HealthStats.Cli.Commands;

internal sealed class LabelsImportCommand : ICommand
{
    public string Name => "labels import";

    public string Summary => "Imports audit outcomes (formats.md section 3) that train the miscoding model.";

    public string Usage =>
        "usage: healthstats labels import FILE [--json]\n" +
        "  FILE     audit outcomes CSV: facility_id,abstract_id,outcome,error_type,corrected_codes,reviewer_id,reviewed_date\n" +
        "  --json   one object: received, imported, rejected, rejections (line, field, reason)\n" +
        "Rows are validated one by one; a row whose abstract is not current in the warehouse is rejected\n" +
        "(import the file again once it is loaded). The same file twice imports nothing. While the dashboard runs,\n" +
        "it is handed the file (by its path) and imports it.\n" +
        "Exits 1 when a row was rejected.";

    public IReadOnlyCollection<string> ValueOptions => [];

    public IReadOnlyCollection<string> Flags => ["json"];

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var file = context.Line.SingleFile();
        LabelsImportResult result;
        if (RunningServer.Find(context.Data) is { } server)
        {
            // The running dashboard holds the warehouse: it imports the file, by its path.
            using var client = new ServerClient(server);
            result = await client.ImportLabelsAsync(Path.GetFullPath(file), cancellationToken);
        }
        else
        {
            var database = context.Warehouse();
            WarehouseSetup.Initialize(database);
            result = await new LabelsImport(database).ImportAsync(file, cancellationToken);
        }
        if (context.Line.Flag("json"))
        {
            context.Out.WriteLine(JsonSerializer.Serialize(result));
        }
        else
        {
            context.Out.WriteLine(result.AlreadyImported
                ? $"{result.File}: already imported ({result.Source}): nothing imported"
                : $"{result.File}: received {result.Received}, imported {result.Imported}, rejected {result.Rejected}");
            foreach (var rejection in result.Rejections)
                context.Error.WriteLine(rejection.Reason);
        }
        return result.Rejected > 0 ? 1 : 0;
    }
}
