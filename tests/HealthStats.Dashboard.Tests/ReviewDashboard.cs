using HealthStats.TestSupport;
using HealthStats.Warehouse.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace HealthStats.Dashboard.Tests;

/// <summary>
/// A dashboard on the demo data with an audit budget of 3 abstracts per facility and week, and every current
/// abstract scored, for the review queue. The scores are a fixed function of the abstract's key, so that each
/// test can work out the queue by hand.
/// </summary>
public sealed class ReviewDashboard : IDisposable
{
    public const int Budget = 3;

    public ReviewDashboard()
    {
        Server = new DashboardServer(new TempDirectory("dashboard-review"), ownsData: true, demo: true, new Dictionary<string, string>
        {
            ["HealthStats:Review:WeeklyBudgetPerFacility"] = Budget.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Server.WaitForHomePageWithDataAsync(TimeSpan.FromSeconds(120)).GetAwaiter().GetResult();
        using var connection = Server.Services.GetRequiredService<WarehouseDatabase>().OpenConnection();
        connection.Execute("""
            insert or replace into coding.scores
            select facility_id, abstract_id, batch_id, (hash(facility_id || '/' || abstract_id) % 1000) / 1000.0,
                null, null, null, 'fixture', '["MRDx ' || mrdx_code || ' scored by the test fixture"]', now()
            from marts.fct_abstracts
            """);
    }

    public DashboardServer Server { get; }

    public void Dispose() => Server.Dispose();
}
