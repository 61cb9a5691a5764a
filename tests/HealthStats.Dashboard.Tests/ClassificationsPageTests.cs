using System.Globalization;
using System.Net;
using HealthStats.Etl.Accounts;
using HealthStats.TestSupport;

namespace HealthStats.Dashboard.Tests;

/// <summary>
/// The classification browser on the full ICD-10-CM and ICD-10-PCS FY2026 with their addenda, and the abstracts of
/// <see cref="KnownAbstracts"/>; every figure below was checked against the CMS files and the abstracts by hand.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ClassificationsPageTests(KnownDataDashboard dashboard) : IClassFixture<KnownDataDashboard>
{
    private DashboardServer Server => dashboard.Server;

    [SharedDataFact]
    public async Task Search_FindsEveryCodeUnderACategory_WhenTheCodeIsTyped()
    {
        var rows = await ResultRows("/Classifications?kind=diagnosis&q=E11");

        // ICD-10-CM FY2026 has 117 codes starting E11, the category itself first.
        Assert.Equal(117, rows.Count);
        Assert.Equal(["E11", "Type 2 diabetes mellitus", "no", "ICD-10-CM-2026"], rows[0]);
        Assert.Equal("E11.0", rows[1][0]);
        Assert.Contains(rows, r => r.SequenceEqual(["E11.9", "Type 2 diabetes mellitus without complications", "yes", "ICD-10-CM-2026"]));
        Assert.All(rows, r => Assert.StartsWith("E11", r[0], StringComparison.Ordinal));
    }

    [SharedDataFact]
    public async Task Search_FindsTheCode_WithOrWithoutTheDotInAnyCase()
    {
        foreach (var typed in new[] { "E119", "e11.9", "E11.9", " e119 " })
        {
            var rows = await ResultRows($"/Classifications?kind=diagnosis&q={Uri.EscapeDataString(typed)}");

            var row = Assert.Single(rows);
            Assert.Equal(["E11.9", "Type 2 diabetes mellitus without complications", "yes", "ICD-10-CM-2026"], row);
        }
    }

    [SharedDataFact]
    public async Task Search_NeedsEveryWordOfTheTitle_InAnyOrderAndCase()
    {
        var rows = await ResultRows("/Classifications?kind=diagnosis&q=" + Uri.EscapeDataString("Diabetes type 2 WITHOUT complications"));

        // Of the 98,186 codes only these two titles hold all five words.
        Assert.Equal(["E11.9", "E11.A"], rows.Select(r => r[0]));
        Assert.Equal("Type 2 diabetes mellitus without complications in remission", rows[1][1]);
    }

    [SharedDataFact]
    public async Task Search_MatchesWordsFromTheirStart_NotInsideOtherWords()
    {
        // "demodex" begins a word of one title (B88.01); "odex" begins none, though it is inside that word.
        var whole = await ResultRows("/Classifications?kind=diagnosis&q=demodex");
        var inside = await Server.Client.GetStringAsync("/Classifications?kind=diagnosis&q=odex");

        Assert.Equal(["B88.01"], whole.Select(r => r[0]));
        Assert.Contains("id=\"no-results\"", inside, StringComparison.Ordinal);
    }

    [SharedDataFact]
    public async Task Search_ShowsTheFirst200AndSaysToRefine_WhenMoreMatch()
    {
        var html = await Server.Client.GetStringAsync("/Classifications?kind=diagnosis&q=fracture");

        // 20,409 ICD-10-CM titles have a word starting "fracture".
        Assert.Equal(200, HtmlTables.Rows(html, "result-table").Count);
        Assert.Contains("refine the search", HtmlTables.TextOf(html, "more-results"), StringComparison.Ordinal);
    }

    [SharedDataFact]
    public async Task Search_FindsInterventions_ByCodeAndByWords()
    {
        var byCode = await ResultRows("/Classifications?kind=intervention&q=0dtj4");
        var byWords = await ResultRows("/Classifications?kind=intervention&q=" + Uri.EscapeDataString("appendix resection endoscopic"));

        Assert.Equal(["0DTJ4ZG", "0DTJ4ZZ"], byCode.Select(r => r[0]));
        Assert.Equal(["0DTJ4ZZ", "Resection of Appendix, Percutaneous Endoscopic Approach", "yes", "ICD-10-PCS-2026"], byCode[1]);
        Assert.Equal(["0DTJ4ZG", "0DTJ4ZZ", "0DTJ8ZZ"], byWords.Select(r => r[0]));
    }

    [SharedDataFact]
    public async Task CodeDetail_ShowsChapterBlockVersionsAndUseByFiscalYear()
    {
        var html = await Server.Client.GetStringAsync("/Classifications?kind=diagnosis&code=E119");

        Assert.Equal("E11.9", HtmlTables.TextOf(html, "detail-code"));
        Assert.Equal("Type 2 diabetes mellitus without complications", HtmlTables.TextOf(html, "detail-title"));
        Assert.Equal("IV Endocrine, nutritional and metabolic diseases", HtmlTables.TextOf(html, "detail-chapter"));
        // The WHO block widened to hold ICD-10-CM's E08 and E13 (Classification/Structure/README.md).
        Assert.Equal("E08-E14 Diabetes mellitus", HtmlTables.TextOf(html, "detail-block"));
        Assert.Equal(
            [
                ["ICD-10-CM-2026", "2025-10-01", "open", "Type 2 diabetes mellitus without complications", "yes"],
                ["ICD-10-CM-2026, by its addenda", "2024-10-01", "2025-09-30", "Type 2 diabetes mellitus without complications", "yes"],
                ["starter (built in)", "1900-01-01", "open", "Type 2 diabetes mellitus without complications", "yes"],
            ],
            HtmlTables.Rows(html, "versions"));
        // MRDx of A1 (2024-11-10), of B1 and C1 (2025); any diagnosis also A2's secondary (2025).
        Assert.Equal([["2024-25", "1", "1"], ["2025-26", "2", "3"]], HtmlTables.Rows(html, "usage"));
    }

    [SharedDataFact]
    public async Task CodeDetail_ShowsTheValidityTheAddendaGive_ToACodeTheyChanged()
    {
        // B88.0 was billable until FY2025 and is a header from FY2026 (its addenda delete and add it); S30.1XXA was deleted
        // outright; B88.01 is new in FY2026, so its addenda year does not hold it.
        var changed = await Server.Client.GetStringAsync("/Classifications?kind=diagnosis&code=B88.0");
        var deleted = await Server.Client.GetStringAsync("/Classifications?kind=diagnosis&code=s30.1xxa");
        var added = await Server.Client.GetStringAsync("/Classifications?kind=diagnosis&code=B8801");

        Assert.Equal(
            [
                ["ICD-10-CM-2026", "2025-10-01", "open", "Other acariasis", "no"],
                ["ICD-10-CM-2026, by its addenda", "2024-10-01", "2025-09-30", "Other acariasis", "yes"],
            ],
            HtmlTables.Rows(changed, "versions"));
        Assert.Equal(
            [["ICD-10-CM-2026, by its addenda", "2024-10-01", "2025-09-30", "Contusion of abdominal wall, initial encounter", "yes"]],
            HtmlTables.Rows(deleted, "versions"));
        Assert.Equal("S30.1XXA", HtmlTables.TextOf(deleted, "detail-code"));
        Assert.Equal([["ICD-10-CM-2026", "2025-10-01", "open", "Infestation by Demodex mites", "yes"]], HtmlTables.Rows(added, "versions"));
        Assert.Contains("No current abstract codes B88.01", HtmlTables.TextOf(added, "usage-none"), StringComparison.Ordinal);
    }

    [SharedDataFact]
    public async Task CodeDetail_OfAnIntervention_ShowsItsSectionAndTimesCoded()
    {
        var html = await Server.Client.GetStringAsync("/Classifications?kind=intervention&code=0DTJ4ZZ");

        Assert.Equal("0 Medical and Surgical", HtmlTables.TextOf(html, "detail-chapter"));
        Assert.Equal("0DT Gastrointestinal System, Resection", HtmlTables.TextOf(html, "detail-block"));
        Assert.Equal("ICD-10-PCS-2026", HtmlTables.Rows(html, "versions")[0][0]);
        Assert.Equal([["2024-25", "1"], ["2025-26", "1"]], HtmlTables.Rows(html, "usage"));
    }

    [SharedDataFact]
    public async Task CodeDetail_Is404WithAMessage_ForACodeNoVersionHolds()
    {
        using var response = await Server.Client.GetAsync("/Classifications?kind=diagnosis&code=Q99.99");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("No diagnosis classification version holds the code Q99.99", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SharedDataFact]
    public async Task Page_IsOpenToMinistry_AndAnswersWithinASecondOnTheFullClassifications()
    {
        using var ministry = await Server.SignInAsync(AccountRoles.Ministry);
        string[] paths =
        [
            "/Classifications?kind=diagnosis&q=" + Uri.EscapeDataString("diabetes type 2 without complications"),
            "/Classifications?kind=diagnosis&q=fracture",
            "/Classifications?kind=intervention&q=" + Uri.EscapeDataString("resection appendix"),
            "/Classifications?kind=diagnosis&q=E11&code=E119",
        ];
        foreach (var path in paths)
        {
            await ministry.GetStringAsync(path); // DuckDB's first read of a table is slower than the ones a user waits for
            using var response = await ministry.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var milliseconds = double.Parse(response.Headers.GetValues("Server-Timing").Single()["app;dur=".Length..], CultureInfo.InvariantCulture);
            Assert.True(milliseconds < 1000, $"{path} took {milliseconds} ms on the server");
        }
    }

    private async Task<List<string[]>> ResultRows(string path) =>
        HtmlTables.Rows(await Server.Client.GetStringAsync(path), "result-table");
}
