using System.Net;
using System.Text.RegularExpressions;
using HealthStats.Etl.Accounts;
using HealthStats.Etl.Audit;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Dashboard.Tests;

/// <summary>
/// The audit log as the dashboard writes it (sign-ins, failures, sign-outs, with the caller's address)
/// and shows it (/Audit and its CSV download, admins only).
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed partial class AuditPageTests(EmptyDashboard dashboard) : IClassFixture<EmptyDashboard>
{
    private DashboardServer Server => dashboard.Server;

    private AuditLog Log => AuditLog.Open(new DataDirectory(Server.DataDirectory));

    [Fact]
    public async Task SignIn_WritesAnEntry_WithTheAccountAndTheAddress()
    {
        using var client = await Server.SignInAsync(AccountRoles.Supervisor);

        var entry = Log.List(action: AuditActions.SignIn, actor: "test-supervisor").Last();
        Assert.Equal("local", entry.Target);
        Assert.Equal("127.0.0.1", entry.Source);
        Assert.True(Log.Verify().IsIntact);
    }

    [Fact]
    public async Task FailedSignIn_RecordsTheAccountOnlyWhenItExists_AndNeverATypedName()
    {
        var (user, _) = Server.TestAccount(AccountRoles.Ministry);
        using var client = Server.AnonymousClient();
        var before = Log.Count();

        using var unknown = await FormPost.PostAsync(client, "/Account/SignIn", new() { ["UserName"] = "Tr0ub4dor&3-typed-in-the-wrong-box", ["Password"] = "x" });
        using var wrong = await FormPost.PostAsync(client, "/Account/SignIn", new() { ["UserName"] = user, ["Password"] = "not the password at all" });

        var failures = Log.List(action: AuditActions.SignInFailed).Where(e => e.Sequence > before).ToList();
        Assert.Equal(2, failures.Count);
        Assert.Equal(("unknown", "local: no such account", "127.0.0.1"), (failures[0].Actor, failures[0].Target, failures[0].Source));
        Assert.Equal((user, "local: wrong password"), (failures[1].Actor, failures[1].Target));
        Assert.DoesNotContain(Log.List(), e => e.Actor.Contains("Tr0ub4dor", StringComparison.OrdinalIgnoreCase) || e.Target.Contains("Tr0ub4dor", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task SignOut_WritesAnEntry()
    {
        using var client = await Server.SignInAsync(AccountRoles.Analyst);

        using var response = await FormPost.PostAsync(client, "/Account/SignOut", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = Log.List(action: AuditActions.SignOut).Last();
        Assert.Equal(("test-analyst", "127.0.0.1"), (entry.Actor, entry.Source));
    }

    [Fact]
    public async Task AuditPage_ShowsAnAdminTheEntries_FilteredByActionAndActor()
    {
        using var supervisor = await Server.SignInAsync(AccountRoles.Supervisor);
        Log.Append("cli:ops", AuditActions.ExtractProduced, "ministry-monthly manifest sha256:feed", "local:host");

        var all = await Server.Client.GetStringAsync("/Audit");
        var extracts = await Server.Client.GetStringAsync($"/Audit?action={AuditActions.ExtractProduced}");
        var supervisors = await Server.Client.GetStringAsync("/Audit?actor=test-supervisor&verify=true");

        Assert.Contains("ministry-monthly manifest sha256:feed", all, StringComparison.Ordinal);
        Assert.Contains("test-supervisor", all, StringComparison.Ordinal);
        Assert.Contains("ministry-monthly manifest sha256:feed", extracts, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>sign-in</td>", extracts, StringComparison.Ordinal);
        Assert.DoesNotContain("cli:ops", Table(supervisors), StringComparison.Ordinal);
        Assert.Contains("<td>test-supervisor</td>", supervisors, StringComparison.Ordinal);
        Assert.Contains("chain intact", supervisors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditPageAndExport_AreRefusedToEveryRoleButAdmin()
    {
        foreach (var role in new[] { AccountRoles.Analyst, AccountRoles.Supervisor, AccountRoles.Ministry })
        {
            using var client = await Server.SignInAsync(role);
            using var page = await client.GetAsync("/Audit");
            using var export = await client.GetAsync("/Audit/export.csv");
            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
        }
        using var anonymous = Server.AnonymousClient();
        using var anonymousExport = await anonymous.GetAsync("/Audit/export.csv");
        Assert.Equal(HttpStatusCode.Redirect, anonymousExport.StatusCode);
    }

    [Fact]
    public async Task AuditExport_GivesAnAdminEveryEntryWithItsHashes()
    {
        using var response = await Server.Client.GetAsync("/Audit/export.csv");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("sequence,time,actor,action,target,source,previous_hash,hash\r\n", csv, StringComparison.Ordinal);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length - 1 >= Log.Count() - 1);
        Assert.Contains(Log.List()[0].Hash, csv, StringComparison.Ordinal);
    }

    private static string Table(string html)
    {
        var start = html.IndexOf("<table id=\"audit-entries\"", StringComparison.Ordinal);
        return start < 0 ? "" : html[start..];
    }
}
