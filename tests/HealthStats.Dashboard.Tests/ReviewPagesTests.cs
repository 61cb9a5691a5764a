using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using HealthStats.Etl.Accounts;
using HealthStats.Etl.Audit;
using HealthStats.Warehouse.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace HealthStats.Dashboard.Tests;

/// <summary>
/// The supervisors' queue, abstract page and decisions on the demo data, checked against the warehouse: the queue is
/// each facility's budget of highest scores in the week, a decision takes its abstract out and is recorded with who
/// and when, in the outcomes the next training reads and in the audit log.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed partial class ReviewPagesTests(ReviewDashboard dashboard) : IClassFixture<ReviewDashboard>
{
    private DashboardServer Server => dashboard.Server;

    private WarehouseDatabase Warehouse => Server.Services.GetRequiredService<WarehouseDatabase>();

    private AuditLog Log => AuditLog.Open(new DataDirectory(Server.DataDirectory));

    // The busiest week of discharges, and its expected queue: per facility, the budget's highest scores not yet audited.
    private (DateOnly Week, List<(string Facility, string Abstract, double Score)> Expected) BusiestWeek()
    {
        using var connection = Warehouse.OpenConnection();
        var week = DateOnly.FromDateTime(connection.Scalar<DateTime>("""
            select date_trunc('week', discharge_date)::timestamp as week from marts.fct_abstracts
            group by week order by count(*) desc, week desc limit 1
            """));
        var rows = connection.Rows("""
            select a.facility_id, a.abstract_id, s.score
            from marts.fct_abstracts a join coding.scores s using (facility_id, abstract_id)
            where a.discharge_date >= $1::date and a.discharge_date < $1::date + 7
                and not exists (select 1 from coding.audit_outcomes o where o.facility_id = a.facility_id and o.abstract_id = a.abstract_id)
            """, r => (Facility: r.GetString(0), Abstract: r.GetString(1), Score: r.GetDouble(2)), week.ToDateTime(TimeOnly.MinValue));
        var decided = connection.Rows("""
            select a.facility_id, count(*)::integer from marts.fct_abstracts a
            semi join (select distinct facility_id, abstract_id from coding.audit_outcomes where source = 'review') o using (facility_id, abstract_id)
            where a.discharge_date >= $1::date and a.discharge_date < $1::date + 7 group by a.facility_id
            """, r => (r.GetString(0), r.GetInt32(1)), week.ToDateTime(TimeOnly.MinValue)).ToDictionary(d => d.Item1, d => d.Item2);
        var expected = rows.GroupBy(r => r.Facility)
            .SelectMany(g => g.OrderByDescending(r => r.Score).ThenBy(r => r.Abstract, StringComparer.Ordinal)
                .Take(ReviewDashboard.Budget - decided.GetValueOrDefault(g.Key)))
            .OrderByDescending(r => r.Score).ThenBy(r => r.Facility, StringComparer.Ordinal).ThenBy(r => r.Abstract, StringComparer.Ordinal)
            .ToList();
        return (week, expected);
    }

    private static string Week(DateOnly week) => week.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Queue_HoldsEachFacilitysBudgetOfHighestScores_InTheWeek()
    {
        var (week, expected) = BusiestWeek();
        using var supervisor = await Server.SignInAsync(AccountRoles.Supervisor);

        var rows = HtmlTables.Rows(await supervisor.GetStringAsync($"/Review?week={Week(week)}"), "review-queue");

        Assert.True(expected.Count > ReviewDashboard.Budget, "the busiest week should have more than one facility's budget");
        Assert.Equal(expected.Select(e => $"{e.Facility}/{e.Abstract}"), rows.Select(r => $"{r[1]}/{r[2]}"));
        Assert.Equal(expected.Select(e => e.Score.ToString("0.000", CultureInfo.InvariantCulture)), rows.Select(r => r[0]));
        // The reasons shown are the first two the scoring gave.
        using var connection = Warehouse.OpenConnection();
        var reasons = connection.Rows("select facility_id || '/' || abstract_id, reasons from coding.scores", r => (r.GetString(0), r.GetString(1)))
            .ToDictionary(r => r.Item1, r => System.Text.Json.JsonSerializer.Deserialize<string[]>(r.Item2)!);
        Assert.All(rows, r => Assert.Equal(string.Join(" ", reasons[$"{r[1]}/{r[2]}"].Take(2)), r[7]));
        Assert.Contains(rows, r => r[7].Length > 0);
        Assert.All(rows.GroupBy(r => r[1]), g => Assert.True(g.Count() <= ReviewDashboard.Budget));
    }

    [Fact]
    public async Task Queue_IsNarrowedByFacilityAndCoder_KeepingTheOrder()
    {
        var (week, expected) = BusiestWeek();
        var facility = expected[0].Facility;
        using var supervisor = await Server.SignInAsync(AccountRoles.Supervisor);

        var byFacility = HtmlTables.Rows(await supervisor.GetStringAsync($"/Review?week={Week(week)}&facility={facility}"), "review-queue");
        var coder = byFacility[0][4];
        var byCoder = HtmlTables.Rows(await supervisor.GetStringAsync($"/Review?week={Week(week)}&coder={coder}"), "review-queue");

        Assert.Equal(expected.Where(e => e.Facility == facility).Select(e => e.Abstract), byFacility.Select(r => r[2]));
        Assert.NotEmpty(byCoder);
        Assert.All(byCoder, r => Assert.Equal(coder, r[4]));
    }

    [Fact]
    public async Task AbstractPage_ShowsCodesWithTitlesAndReasons_AndIsARecordViewInTheAuditLog()
    {
        var (_, expected) = BusiestWeek();
        var (facility, id, _) = expected[^1];
        using var supervisor = await Server.SignInAsync(AccountRoles.Supervisor);

        var html = await supervisor.GetStringAsync($"/Review/Abstract?facility={facility}&abstract={id}");

        using var connection = Warehouse.OpenConnection();
        var codes = connection.Rows("select code, title from marts.fct_diagnoses where facility_id = $1 and abstract_id = $2 order by seq",
            r => (Code: r.GetString(0), Title: r.GetString(1)), facility, id);
        var diagnoses = HtmlTables.Rows(html, "diagnoses");
        Assert.Equal(codes.Select(c => (c.Code.Length > 3 ? c.Code[..3] + "." + c.Code[3..] : c.Code, c.Title)), diagnoses.Select(d => (d[2], d[3])));
        Assert.Equal("M", diagnoses[0][1]);
        var reasons = System.Text.Json.JsonSerializer.Deserialize<string[]>(
            connection.Scalar<string>("select reasons from coding.scores where facility_id = $1 and abstract_id = $2", facility, id)!)!;
        Assert.Equal(string.Join(" ", reasons), HtmlTables.TextOf(html, "reasons"));
        Assert.Contains("anomaly", HtmlTables.TextOf(html, "score-models"), StringComparison.Ordinal);
        Assert.DoesNotContain("patient_key", html, StringComparison.Ordinal);
        var view = Log.List(action: AuditActions.RecordView).Last();
        Assert.Equal(($"test-{AccountRoles.Supervisor}", $"review abstract {facility}/{id}"), (view.Actor, view.Target));
    }

    [Fact]
    public async Task Decision_IsRecordedWithWhoAndWhen_AndTakesTheAbstractOutOfTheQueue()
    {
        var (week, expected) = BusiestWeek();
        var (facility, id, _) = expected[0];
        using var supervisor = await Server.SignInAsync(AccountRoles.Supervisor);
        var path = $"/Review/Abstract?facility={facility}&abstract={id}";

        using var response = await FormPost.PostAsync(supervisor, path, new()
        {
            ["Decision.Outcome"] = "miscoded", ["Decision.ErrorType"] = "mrdx_sequencing", ["Decision.CorrectedCodes"] = "j18.9:m ; I10:1",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"/Review?decided={facility}%2F{id}&week={Week(week)}", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var connection = Warehouse.OpenConnection();
        var outcome = connection.Rows("""
            select outcome, error_type, corrected_codes, reviewer_id, reviewed_date, source, abstract_batch_id = (select batch_id from marts.fct_abstracts where facility_id = $1 and abstract_id = $2)
            from coding.audit_outcomes where facility_id = $1 and abstract_id = $2
            """, r => (r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), DateOnly.FromDateTime(r.GetDateTime(4)), r.GetString(5), r.GetBoolean(6)), facility, id).Single();
        Assert.Equal(("miscoded", "mrdx_sequencing", "J18.9:M;I10:1", $"test-{AccountRoles.Supervisor}", DateOnly.FromDateTime(DateTime.UtcNow), "review", true), outcome);
        var logged = Log.List(action: AuditActions.ReviewDecision).Last();
        Assert.Equal(($"test-{AccountRoles.Supervisor}", $"abstract {facility}/{id}: miscoded (mrdx_sequencing)"), (logged.Actor, logged.Target));

        var queue = await supervisor.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains($"Decision recorded for {facility}/{id}.", HtmlTables.TextOf(queue, "decision-recorded"), StringComparison.Ordinal);
        var rows = HtmlTables.Rows(queue, "review-queue");
        Assert.DoesNotContain(rows, r => (r[1], r[2]) == (facility, id));
        // The budget counts the decision: nothing of the facility comes in to take its place.
        Assert.Equal(BusiestWeek().Expected.Select(e => $"{e.Facility}/{e.Abstract}"), rows.Select(r => $"{r[1]}/{r[2]}"));
        Assert.Equal(expected.Count(e => e.Facility == facility) - 1, rows.Count(r => r[1] == facility));
    }

    [Fact]
    public async Task Decision_IsRefusedWithTheReason_WhenItIsIncomplete()
    {
        var (_, expected) = BusiestWeek();
        var (facility, id, _) = expected[^1];
        using var supervisor = await Server.SignInAsync(AccountRoles.Supervisor);
        var path = $"/Review/Abstract?facility={facility}&abstract={id}";

        using var noType = await FormPost.PostAsync(supervisor, path, new() { ["Decision.Outcome"] = "miscoded" });
        using var badCodes = await FormPost.PostAsync(supervisor, path, new()
        {
            ["Decision.Outcome"] = "miscoded", ["Decision.ErrorType"] = "code_substitution", ["Decision.CorrectedCodes"] = "J18.9:1;XX9.9:M;I10",
        });

        Assert.Equal(HttpStatusCode.OK, noType.StatusCode);
        Assert.Contains("Choose the error type of a miscoded abstract.", await noType.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var errors = HtmlTables.TextOf(await badCodes.Content.ReadAsStringAsync(), "decision-errors");
        Assert.Contains("XX9.9 is not a diagnosis code of any classification held.", errors, StringComparison.Ordinal);
        Assert.Contains("'I10' is not code:type", errors, StringComparison.Ordinal);
        using var connection = Warehouse.OpenConnection();
        Assert.Equal(0, connection.Scalar<long>("select count(*) from coding.audit_outcomes where facility_id = $1 and abstract_id = $2", facility, id));
    }

    [Fact]
    public async Task AbstractPage_ShowsAbstractsOfTheSameCategory_ThatAnAuditFoundCorrect()
    {
        var (_, expected) = BusiestWeek();
        var (facility, id, _) = expected[1];
        using var connection = Warehouse.OpenConnection();
        var mrdx = connection.Scalar<string>("select mrdx_code from marts.fct_abstracts where facility_id = $1 and abstract_id = $2", facility, id)!;
        var peers = connection.Rows("""
            select facility_id, abstract_id from marts.fct_abstracts
            where mrdx_category = left($1, 3) and not (facility_id = $2 and abstract_id = $3)
            order by facility_id, abstract_id limit 2
            """, r => (r.GetString(0), r.GetString(1)), mrdx, facility, id);
        Assert.NotEmpty(peers);
        // The first peer is found correct by an imported audit, the second miscoded: only the first is offered.
        for (var i = 0; i < peers.Count; i++)
        {
            connection.Execute("insert into coding.audit_outcomes (facility_id, abstract_id, outcome, error_type, source, recorded_at) values ($1, $2, $3, $4, 'import:test', now())",
                peers[i].Item1, peers[i].Item2, i == 0 ? "correct" : "miscoded", i == 0 ? null : "code_substitution");
        }
        using var supervisor = await Server.SignInAsync(AccountRoles.Supervisor);

        var similar = HtmlTables.Rows(await supervisor.GetStringAsync($"/Review/Abstract?facility={facility}&abstract={id}"), "similar");

        Assert.Contains(similar, s => s[0] == $"{peers[0].Item1}/{peers[0].Item2}");
        if (peers.Count > 1)
            Assert.DoesNotContain(similar, s => s[0] == $"{peers[1].Item1}/{peers[1].Item2}");
    }

    [Fact]
    public async Task QualityPage_GivesConfirmedErrorRatesByCoderAndErrorType_FromEachAbstractsLatestOutcome()
    {
        using var connection = Warehouse.OpenConnection();
        var coder = connection.Scalar<string>("select coder_id from marts.fct_abstracts group by coder_id order by count(*) desc, coder_id limit 1")!;
        var abstracts = connection.Rows("select facility_id, abstract_id from marts.fct_abstracts where coder_id = $1 order by facility_id, abstract_id limit 4",
            r => (r.GetString(0), r.GetString(1)), coder);
        // Three found miscoded (two transpositions, one later overturned to correct), one correct: 2 of 4 confirmed.
        string?[] types = ["transposition", "transposition", "duplicate_code", null];
        for (var i = 0; i < abstracts.Count; i++)
        {
            connection.Execute("insert into coding.audit_outcomes (facility_id, abstract_id, outcome, error_type, reviewed_date, source, recorded_at) values ($1, $2, $3, $4, date '2026-03-15', 'import:quality-test', now())",
                abstracts[i].Item1, abstracts[i].Item2, types[i] is null ? "correct" : "miscoded", types[i]);
        }
        connection.Execute("insert into coding.audit_outcomes (facility_id, abstract_id, outcome, reviewed_date, source, recorded_at) values ($1, $2, 'correct', date '2026-04-02', 'import:quality-test', now())",
            abstracts[2].Item1, abstracts[2].Item2);
        using var supervisor = await Server.SignInAsync(AccountRoles.Supervisor);

        var html = await supervisor.GetStringAsync("/Review/Quality");

        // Computed here from the outcomes as the page should: latest outcome per abstract, the coder of its current version.
        var expected = connection.Rows("""
            with latest as (
                select * from coding.audit_outcomes qualify row_number() over (partition by facility_id, abstract_id order by outcome_id desc) = 1
            )
            select count(*), count(*) filter (where outcome = 'miscoded') from latest l join marts.fct_abstracts a using (facility_id, abstract_id) where a.coder_id = $1
            """, r => (r.GetInt64(0), r.GetInt64(1)), coder).Single();
        var coderRow = HtmlTables.Rows(html, "by-coder").Single(r => r[0] == coder && r[1] == "all");
        Assert.Equal(expected.Item1.ToString("N0", CultureInfo.InvariantCulture), coderRow[2]);
        Assert.Equal(expected.Item2.ToString("N0", CultureInfo.InvariantCulture), coderRow[3]);
        Assert.Equal((100.0 * expected.Item2 / expected.Item1).ToString("0.0", CultureInfo.InvariantCulture) + "%", coderRow[4]);
        var march = HtmlTables.Rows(html, "by-error-type").Single(r => r[0] == "transposition" && r[1] == "2026-03");
        Assert.Equal("2", march[3]);
        // The overturned duplicate_code no longer counts; its correct outcome is in April.
        Assert.DoesNotContain(HtmlTables.Rows(html, "by-error-type"), r => r[0] == "duplicate_code" && r[1] == "2026-03");
        Assert.Contains(HtmlTables.Rows(html, "overall"), r => r[1] == "2026-04");
    }

    [Fact]
    public async Task LabelsImport_WhileTheDashboardRuns_IsHandedToIt_AndTakesTheAbstractsOutOfTheQueue()
    {
        var (week, expected) = BusiestWeek();
        var (facility, id, _) = expected[0];
        var file = Path.Combine(Server.Data.Combine("labels"), "reabstraction.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllLines(file, ["facility_id,abstract_id,outcome,error_type,corrected_codes,reviewer_id,reviewed_date",
            $"{facility},{id},miscoded,transposition,,EXT1,2026-11-02", "F999,NOPE,correct,,,EXT1,2026-11-02"]);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        // The CLI finds server.json and hands the file over: DuckDB would refuse it the warehouse the dashboard holds.
        Assert.NotNull(HealthStats.Etl.Handoff.RunningServer.Find(new DataDirectory(Server.DataDirectory)));
        var exit = await HealthStats.Cli.CliApp.RunAsync(["labels", "import", file, "--json", "--data", Server.DataDirectory], stdout, stderr);

        Assert.Equal(1, exit); // one row rejected: an abstract the warehouse does not hold
        using var result = System.Text.Json.JsonDocument.Parse(stdout.ToString());
        Assert.Equal((2, 1, 1), (result.RootElement.GetProperty("received").GetInt32(), result.RootElement.GetProperty("imported").GetInt32(),
            result.RootElement.GetProperty("rejections").GetArrayLength()));
        using var connection = Warehouse.OpenConnection();
        Assert.Equal("transposition", connection.Scalar<string>(
            "select error_type from coding.audit_outcomes where facility_id = $1 and abstract_id = $2 and source like 'import:%'", facility, id));
        using var supervisor = await Server.SignInAsync(AccountRoles.Supervisor);
        var rows = HtmlTables.Rows(await supervisor.GetStringAsync($"/Review?week={Week(week)}"), "review-queue");
        Assert.DoesNotContain(rows, r => (r[1], r[2]) == (facility, id));
    }

    [Fact]
    public async Task TrainAndFlag_WhileTheDashboardRuns_AreHandedToIt()
    {
        var flags = Server.Data.Combine("flags.csv");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var train = await HealthStats.Cli.CliApp.RunAsync(["train", "--json", "--data", Server.DataDirectory], stdout, stderr);
        var trained = System.Text.Json.JsonDocument.Parse(stdout.ToString()).RootElement;
        var flag = await HealthStats.Cli.CliApp.RunAsync(["flag", "--budget", "5", "--out", flags, "--data", Server.DataDirectory], TextWriter.Null, stderr);

        Assert.True(train == 0 && flag == 0, stderr.ToString());
        using var connection = Warehouse.OpenConnection();
        Assert.Equal(connection.Scalar<long>("select count(*) from marts.fct_abstracts"), trained.GetProperty("abstracts").GetInt64());
        Assert.Equal(trained.GetProperty("anomaly").GetProperty("version").GetString(),
            connection.Scalar<string>("select version from coding.models where kind = 'anomaly' and is_current"));
        var lines = File.ReadAllLines(flags);
        Assert.Equal("facility_id,abstract_id,score,reasons", lines[0]);
        Assert.Equal(5, lines.Length - 1);
    }

    [Fact]
    public async Task ReviewPages_AreRefusedToAnalysts_AndAnUnknownAbstractIsNotFound()
    {
        using var analyst = await Server.SignInAsync(AccountRoles.Analyst);
        using var supervisor = await Server.SignInAsync(AccountRoles.Supervisor);

        using var queue = await analyst.GetAsync("/Review");
        using var unknown = await supervisor.GetAsync("/Review/Abstract?facility=F999&abstract=nope");

        Assert.Equal(HttpStatusCode.Forbidden, queue.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
