using HealthStats.TestSupport;

namespace HealthStats.Dashboard.Tests;

/// <summary>
/// A dashboard with the demo data and two scheduled extracts in its settings ("monthly", valid, into
/// outbox/ministry-of-health; "broken", a spec with an unknown indicator), with both spec files in its
/// data directory: for the scheduled extract job and the publication view.
/// </summary>
public sealed class PublishingDashboard : IDisposable
{
    public const string MonthlyOutbox = "outbox/ministry-of-health";

    public const string Monthly = """
        {
          "name": "ministry-monthly",
          "description": "Discharges by sex, mortality by region and sex, MRDx by block",
          "suppression": { "policy": "CIHI", "minimum_region_population": null },
          "tables": [
            { "name": "discharges_by_sex", "indicator": "discharges", "dimensions": ["sex"] },
            { "name": "mortality_by_region_sex", "indicator": "in_hospital_mortality", "dimensions": ["region", "sex"] },
            { "name": "mrdx_by_block", "indicator": "mrdx_discharges", "dimensions": ["chapter", "block"] }
          ]
        }
        """;

    public const string Broken = """
        { "name": "broken", "suppression": { "policy": "CIHI" }, "tables": [ { "name": "x", "indicator": "no_such_indicator", "dimensions": ["sex"] } ] }
        """;

    public PublishingDashboard()
    {
        Server = new DashboardServer(new TempDirectory("dashboard-publishing"), ownsData: true, demo: true, new Dictionary<string, string>
        {
            ["HealthStats:Extracts:Schedules:0:Spec"] = "monthly",
            ["HealthStats:Extracts:Schedules:0:Cron"] = "0 6 1 * *",
            ["HealthStats:Extracts:Schedules:0:TimeZone"] = "America/Toronto",
            ["HealthStats:Extracts:Schedules:0:Outbox"] = MonthlyOutbox,
            ["HealthStats:Extracts:Schedules:1:Spec"] = "broken",
        });
        var specs = Path.Combine(Server.DataDirectory, "extract-specs");
        Directory.CreateDirectory(specs);
        File.WriteAllText(Path.Combine(specs, "monthly.json"), Monthly);
        File.WriteAllText(Path.Combine(specs, "broken.json"), Broken);
    }

    public DashboardServer Server { get; }

    public void Dispose() => Server.Dispose();
}
