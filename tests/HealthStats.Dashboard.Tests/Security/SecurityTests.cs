using System.Net;
using System.Text.RegularExpressions;
using HealthStats.Etl.Accounts;
using HealthStats.Warehouse.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace HealthStats.Dashboard.Tests.Security;

/// <summary>
/// Security of the running dashboard on the review fixture (demo data, scored, flagged): headers,
/// anti-forgery, SQL injection through every filter, owner-only files. One class over partial files so
/// that the fixture (a demo ingest and its scoring) is made once.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed partial class SecurityTests(ReviewDashboard dashboard) : IClassFixture<ReviewDashboard>
{
    private DashboardServer Server => dashboard.Server;

    private WarehouseDatabase Warehouse => Server.Services.GetRequiredService<WarehouseDatabase>();

    /// <summary>Every GET path of the matrix that the role may open, with an abstract of the review queue for those who review.</summary>
    private async Task<List<string>> PagesFor(string role, HttpClient client)
    {
        var paths = AuthorizationMatrixTests.Matrix
            .Where(r => r.Key.StartsWith("GET ", StringComparison.Ordinal) && r.Value.Roles.Contains(role))
            .Select(r => r.Value.Path)
            .ToList();
        if (Accounts.PageRoles.Supervisors.Split(',').Contains(role))
            paths.Add(await FlaggedAbstractPathAsync(client));
        return paths;
    }

    private static async Task<string> FlaggedAbstractPathAsync(HttpClient supervisor)
    {
        var queue = await supervisor.GetStringAsync("/Review");
        var link = AbstractLink().Match(queue);
        Assert.True(link.Success, "the review queue shows no abstract to open");
        return WebUtility.HtmlDecode(link.Value);
    }

    private long[] WarehouseCounts()
    {
        using var connection = Warehouse.OpenConnection();
        return
        [
            connection.Scalar<long>("select count(*) from marts.fct_abstracts"),
            connection.Scalar<long>("select count(*) from marts.fct_diagnoses"),
            connection.Scalar<long>("select count(*) from meta.quarantine"),
            connection.Scalar<long>("select count(*) from coding.scores"),
            connection.Scalar<long>("select count(*) from meta.batches"),
            connection.Scalar<long>("select count(*) from coding.audit_outcomes"),
        ];
    }

    // One signed-in client per role and server for all these tests: the sign-in form is rate-limited per address.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DashboardServer, System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<HttpClient>>>> Clients = [];

    private static Task<HttpClient> SignInAsync(DashboardServer server, string role) =>
        Clients.GetOrCreateValue(server).GetOrAdd(role, r => new Lazy<Task<HttpClient>>(() => server.SignInAsync(r))).Value;

    private static IEnumerable<string> Roles => AccountRoles.All;

    [GeneratedRegex("/Review/Abstract\\?facility=[^\"]+")]
    private static partial Regex AbstractLink();
}
