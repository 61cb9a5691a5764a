using HealthStats.TestSupport;
using HealthStats.Warehouse.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace HealthStats.Dashboard.Tests;

/// <summary>
/// A dashboard on the demo data with an audit budget of 3 abstracts per facility and week. The demo's batch is
/// scored as any batch is: with no model yet and more than a thousand abstracts, the anomaly model is trained first.
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
        var database = Server.Services.GetRequiredService<WarehouseDatabase>();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            using (var connection = database.OpenConnection())
            {
                if (connection.Scalar<long>("select count(*) from marts.fct_abstracts a semi join coding.scores s using (facility_id, abstract_id, batch_id)")
                    == connection.Scalar<long>("select count(*) from marts.fct_abstracts"))
                    break;
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("the demo batch was not scored within 120 s");
            Thread.Sleep(250);
        }
    }

    public DashboardServer Server { get; }

    public void Dispose() => Server.Dispose();
}
