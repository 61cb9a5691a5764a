using System.Globalization;
using System.Text;
using HealthStats.Cli;
using HealthStats.Dashboard.Filters;
using HealthStats.Warehouse.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace HealthStats.Dashboard.Tests;

/// <summary>
/// The demo dashboard, its /Rates page as it was before any population was imported, and then fiscal-year
/// populations (every demo region, M and F, 5-year age groups to 90+) and two standard populations (CAN2011
/// and FLAT, both made up here) imported through `healthstats reference` in this process, as a user would.
/// </summary>
public sealed class RatesDashboard : IAsyncLifetime, IDisposable
{
    public DashboardServer Server { get; } = new();

    public string PageBeforeImport { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Server.WaitForHomePageWithDataAsync(TimeSpan.FromSeconds(90));
        PageBeforeImport = await Server.Client.GetStringAsync("/Rates");
        var choices = FilterChoices.Load(Server.Services.GetRequiredService<WarehouseDatabase>());

        var populations = new StringBuilder("year,region,sex,age_start,age_end,population\n");
        var regions = choices.Regions.Where(r => r != "unknown").ToList();
        foreach (var year in choices.FiscalYears)
        {
            for (var r = 0; r < regions.Count; r++)
            {
                foreach (var sex in new[] { "M", "F" })
                {
                    for (var start = 0; start <= 90; start += 5)
                    {
                        var end = start == 90 ? "" : (start + 4).ToString(CultureInfo.InvariantCulture);
                        var population = 20_000 + 1_000 * (start / 5 % 7) + 500 * r + (sex == "F" ? 300 : 0) + 100 * (year - choices.FiscalYears[0]);
                        populations.Append(CultureInfo.InvariantCulture, $"{year},{regions[r]},{sex},{start},{end},{population}\n");
                    }
                }
            }
        }
        var standards = new StringBuilder("standard,age_start,age_end,population\n");
        for (var start = 0; start <= 85; start += 5)
        {
            var end = start == 85 ? "" : (start + 4).ToString(CultureInfo.InvariantCulture);
            standards.Append(CultureInfo.InvariantCulture, $"Test Canadian,{start},{end},{2_000_000 - 90_000 * (start / 5)}\n");
            standards.Append(CultureInfo.InvariantCulture, $"Test flat,{start},{end},1000\n");
        }
        var populationFile = Server.Data.Combine("populations.csv");
        var standardFile = Server.Data.Combine("standards.csv");
        await File.WriteAllTextAsync(populationFile, populations.ToString());
        await File.WriteAllTextAsync(standardFile, standards.ToString());

        await Cli("reference", "import-population", populationFile, "--year-kind", "fiscal");
        await Cli("reference", "import-standard-population", standardFile, "--standard", "Test Canadian", "--as", "CAN2011");
        await Cli("reference", "import-standard-population", standardFile, "--standard", "Test flat", "--as", "FLAT");
    }

    private async Task Cli(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApp.RunAsync([.. args, "--data", Server.DataDirectory], stdout, stderr);
        Assert.True(exit == 0, $"healthstats {string.Join(' ', args)} exited {exit}: {stderr}");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => Server.Dispose();
}
