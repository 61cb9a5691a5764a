using System.Globalization;
using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Cli.Commands;

internal sealed class WarehouseModelsCommand : ICommand
{
    public string Name => "warehouse models";

    public string Summary => "Rebuilds every model (seeds, staging, intermediate, marts), published in one transaction, timed, then runs the SQL data tests.";

    public string Usage =>
        "usage: healthstats warehouse models [--dry-run]\n" +
        "  --dry-run   print the SQL of every model in build order and change nothing\n" +
        "Without --dry-run: rebuilds the models as a batch does, prints each one's seconds, then runs the\n" +
        "data tests (sql/tests) and exits 1 when one returns rows. Stop the dashboard first.";

    public IReadOnlyCollection<string> ValueOptions => [];

    public IReadOnlyCollection<string> Flags => ["dry-run"];

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        if (context.Line.Positional.Count > 0)
            throw new UsageException($"unexpected argument '{context.Line.Positional[0]}'");
        if (context.Line.Flag("dry-run"))
        {
            foreach (var (model, statement) in MartBuild.Models.Zip(MartBuild.Statements()))
            {
                context.Out.WriteLine($"-- {model}");
                context.Out.WriteLine(statement.TrimEnd() + ";");
                context.Out.WriteLine();
            }
            return Task.FromResult(0);
        }

        var database = context.Warehouse();
        WarehouseSetup.Initialize(database);
        using var connection = database.OpenConnection();
        var total = System.Diagnostics.Stopwatch.StartNew();
        using (WriteGate.Enter(database.DataDirectory))
        {
            StagedBuild.Run(connection, built: (model, took) =>
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{took.TotalSeconds,8:F2} s  {model}")));
        }
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{total.Elapsed.TotalSeconds,8:F2} s  models built"));
        var tests = System.Diagnostics.Stopwatch.StartNew();
        var failures = DataTests.Run(connection);
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{tests.Elapsed.TotalSeconds,8:F2} s  {DataTests.All.Count} data tests, {failures.Count} failed"));
        foreach (var failure in failures)
            context.Error.WriteLine(failure);
        return Task.FromResult(failures.Count == 0 ? 0 : 1);
    }
}
