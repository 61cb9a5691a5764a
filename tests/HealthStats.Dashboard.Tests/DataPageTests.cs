using System.Net;
using HealthStats.Cli;
using HealthStats.Etl.Accounts;
using HealthStats.TestSupport;

namespace HealthStats.Dashboard.Tests;

/// <summary>
/// The data page on the two batches of <see cref="KnownAbstracts"/>, the first submitted 60 days ago: batches,
/// facilities' last submissions and open quarantine, with every figure checked by hand.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DataPageTests(KnownDataDashboard dashboard) : IClassFixture<KnownDataDashboard>
{
    private DashboardServer Server => dashboard.Server;

    [SharedDataFact]
    public async Task Batches_AreListedNewestFirst_WithTheirCountsAndStatus()
    {
        var rows = HtmlTables.Rows(await Server.Client.GetStringAsync("/Data"), "batches");

        Assert.Equal(2, rows.Count);
        // seq, file, format, received, loaded, replaced, deleted, quarantined, warnings, status
        // Warnings: C1's E11 is a category (K02); E11.9 as the MRDx is a questionable admission (E06, MCE section 8) in C1, A1 and B1.
        Assert.Equal(["2", "second.jsonl", "jsonl", "3", "2", "1", "0", "1", "2", "partly quarantined"], Facts(rows[0]));
        Assert.Equal(["1", "first.csv", "csv", "4", "3", "0", "0", "1", "2", "partly quarantined"], Facts(rows[1]));
        Assert.Equal(DateTime.UtcNow.AddDays(-60).Date, DateTime.Parse(rows[1][5], System.Globalization.CultureInfo.InvariantCulture).Date);
    }

    [SharedDataFact]
    public async Task Batches_ShowTheSameBatchesAsTheCli()
    {
        var page = HtmlTables.Rows(await Server.Client.GetStringAsync("/Data"), "batches");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        // The CLI hands nothing to the dashboard for `batches`: it reads the warehouse, which the dashboard holds, so
        // it is asked through the same warehouse code in this process.
        var exit = await CliApp.RunAsync(["batches", "--json", "--data", Server.DataDirectory], stdout, stderr);

        Assert.True(exit == 0, stderr.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(stdout.ToString());
        var cli = json.RootElement.GetProperty("batches").EnumerateArray()
            .Select(b => new[] { b.GetProperty("batch_id").GetString()!, b.GetProperty("file").GetString()!, b.GetProperty("received").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) })
            .ToList();
        Assert.Equal(cli, page.Select(r => new[] { r[1], r[2], r[6] }).ToList());
    }

    [SharedDataFact]
    public async Task Facilities_ShowTheirLastSubmission_AndTheOneSilentFor60DaysIsOverdue()
    {
        var rows = HtmlTables.Rows(await Server.Client.GetStringAsync("/Data"), "facilities");

        // facility, days since, status, current abstracts
        Assert.Equal(
            [
                ["F001", "0", "on time", "2"],
                ["F002", "60", "overdue (more than 45 days)", "1"],
                ["F003", "0", "on time", "1"],
            ],
            rows.Select(r => new[] { r[0], r[2], r[3], r[5] }).ToList());
    }

    [SharedDataFact]
    public async Task OpenQuarantine_IsCountedByFacilityBatchAndRule_WithoutTheRecordsContent()
    {
        var html = await Server.Client.GetStringAsync("/Data");

        Assert.Equal("2", HtmlTables.TextOf(html, "quarantine-total"));
        Assert.Equal([["F002", "1"], ["F003", "1"]], HtmlTables.Rows(html, "quarantine-by-facility"));
        Assert.Equal(["second.jsonl", "first.csv"], HtmlTables.Rows(html, "quarantine-by-batch").Select(r => r[1]));
        Assert.Equal(
            [
                ["C01", "The discharge is before the admission.", "discharge_date", "1"],
                ["K01", "A code does not exist in the classification in force at discharge.", "dx_1_code", "1"],
            ],
            HtmlTables.Rows(html, "quarantine-by-rule"));
        foreach (var content in KnownAbstracts.QuarantinedContent)
            Assert.DoesNotContain(content, html, StringComparison.OrdinalIgnoreCase);
    }

    [SharedDataFact]
    public async Task Page_IsForStaff_AndItsLinkShowsOnlyToThem()
    {
        using var analyst = await Server.SignInAsync(AccountRoles.Analyst);
        using var ministry = await Server.SignInAsync(AccountRoles.Ministry);

        using var asAnalyst = await analyst.GetAsync("/Data");
        using var asMinistry = await ministry.GetAsync("/Data");
        var ministryHome = await ministry.GetStringAsync("/");

        Assert.Equal(HttpStatusCode.OK, asAnalyst.StatusCode);
        Assert.Contains("href=\"/Data\"", await asAnalyst.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, asMinistry.StatusCode);
        Assert.DoesNotContain("href=\"/Data\"", ministryHome, StringComparison.Ordinal);
        Assert.Contains("href=\"/Classifications\"", ministryHome, StringComparison.Ordinal);
    }

    // The columns that do not depend on when the test ran: seq, file, format, the counts and the status.
    private static string[] Facts(string[] row) => [row[0], row[2], row[3], .. row[6..]];
}
