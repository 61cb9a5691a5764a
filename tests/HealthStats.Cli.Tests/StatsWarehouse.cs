using System.Globalization;
using System.Text.Json;
using HealthStats.TestSupport;

namespace HealthStats.Cli.Tests;

/// <summary>
/// A data directory for the stats tests, made as a user makes one: generated abstracts ingested, a
/// population (one open age group, region ALL) imported for each fiscal year they span, and a standard TEST.
/// </summary>
public sealed class StatsWarehouse : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory temp = new("stats-cli");

    public string Data => temp.Combine("data");

    public Dictionary<string, double> PopulationByYear { get; } = [];

    public async Task InitializeAsync()
    {
        var gen = temp.Combine("gen");
        Require(await CliRun.RunAsync("generate", "--abstracts", "400", "--seed", "11", "--out", gen));
        Require(await CliRun.RunAsync("ingest", Path.Combine(gen, "abstracts.csv"), "--data", Data));

        var byYear = await CliRun.RunAsync("stats", "discharges", "--by", "fiscal_year", "--format", "json", "--data", Data);
        Require(byYear);
        var lines = new List<string> { "year,region,sex,age_start,age_end,population" };
        foreach (var row in JsonDocument.Parse(byYear.Out).RootElement.EnumerateArray())
        {
            var year = row.GetProperty("fiscal_year").GetString()!;
            PopulationByYear[year] = 250_000 + 1_000 * PopulationByYear.Count;
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{year},ALL,T,0,,{PopulationByYear[year]}"));
        }
        File.WriteAllLines(temp.Combine("pop.csv"), lines);
        Require(await CliRun.RunAsync("reference", "import-population", temp.Combine("pop.csv"), "--year-kind", "fiscal", "--data", Data));
        File.WriteAllLines(temp.Combine("std.csv"), ["standard,age_start,age_end,population", "TEST,0,49,60", "TEST,50,,40"]);
        Require(await CliRun.RunAsync("reference", "import-standard-population", temp.Combine("std.csv"), "--data", Data));
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => temp.Dispose();

    internal Task<CliRun> Stats(params string[] args) => CliRun.RunAsync(["stats", .. args, "--data", Data]);

    private static void Require(CliRun run)
    {
        if (run.ExitCode != 0)
            throw new InvalidOperationException($"setting up the stats warehouse failed: {run.Error}");
    }
}
