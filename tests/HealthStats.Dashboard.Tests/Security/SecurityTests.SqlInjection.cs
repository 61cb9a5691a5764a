using HealthStats.Warehouse.Storage;
using System.Net;
using System.Text.RegularExpressions;
using HealthStats.Etl.Accounts;

namespace HealthStats.Dashboard.Tests.Security;

public sealed partial class SecurityTests
{
    /// <summary>Classic injections, quotes of other scripts, an encoded quote, a path, and a value far longer than any code.</summary>
    private static readonly string[] Payloads =
    [
        "' OR '1'='1",
        "'; DROP TABLE marts.fct_abstracts; --",
        "1; select 1",
        "%27",
        "\u2019 OR \u20191\u2019=\u20191",
        "\uFF07 or 1=1 --",
        "\" OR \"\"=\"",
        "../../secrets/hmac.key",
        "2024) or (1=1",
        new string('A', 3000) + "' OR 1=1 --",
    ];

    /// <summary>Every page or endpoint that reads a parameter, and the parameters it reads.</summary>
    private static readonly (string Path, string[] Parameters)[] Inputs =
    [
        ("/", DashboardFilters),
        ("/Facilities", DashboardFilters),
        ("/Rates", [.. DashboardFilters, "by", "standard"]),
        ("/Operations", DashboardFilters),
        ("/Diagnoses", [.. DashboardFilters, "view", "chapter", "block", "category", "ccsr", "code"]),
        ("/Interventions", [.. DashboardFilters, "chapter", "block", "code"]),
        ("/Classifications", ["kind", "q", "code"]),
        ("/Publication", ["spec"]),
        ("/Data", ["facility", "batch"]),
        ("/Review", ["week", "facility", "coder", "edit", "error_type", "decided"]),
        ("/Review/Quality", ["week", "facility", "coder", "edit", "error_type"]),
        ("/Review/Abstract", ["facility", "abstract"]),
        ("/Audit", ["action", "actor", "limit", "verify"]),
        ("/Audit/export.csv", ["action", "actor"]),
        ("/charts/discharges-by-chapter.csv", [.. DashboardFilters, "width", "height"]),
        ("/charts/facility-discharges.svg", ["facility", "region", "width"]),
        ("/api/extracts", ["spec"]),
        ("/Account/SignIn", ["ReturnUrl"]),
    ];

    // A search finds what the payload's words match (OR, 1): more than no search at all, as any search does.
    private static readonly string[] FreeText = ["q"];

    private static string[] DashboardFilters => ["fy_from", "fy_to", "facility", "region", "age_group", "sex", "admit_category"];

    [Fact]
    public async Task EveryParameter_WithInjectedSql_IsNeverA500_NeverBroadens_AndLeavesTheWarehouseIntact()
    {
        var admin = await SignInAsync(Server, AccountRoles.Admin);
        var before = WarehouseCounts();
        var problems = new List<string>();
        foreach (var (path, parameters) in Inputs)
        {
            var unfiltered = await RowsAsync(admin, path);
            foreach (var parameter in parameters)
            {
                foreach (var payload in Payloads)
                {
                    var url = $"{path}?{parameter}={Uri.EscapeDataString(payload)}";
                    using var response = await admin.GetAsync(url);
                    var body = await response.Content.ReadAsStringAsync();
                    if ((int)response.StatusCode >= 500)
                        problems.Add($"{(int)response.StatusCode} for {path} {parameter}={Short(payload)}");
                    else if (response.StatusCode == HttpStatusCode.OK && !FreeText.Contains(parameter) && Rows(body) > unfiltered)
                        problems.Add($"{Rows(body)} rows for {path} {parameter}={Short(payload)}, unfiltered {unfiltered}");
                }
            }
        }
        foreach (var segment in Payloads)
        {
            foreach (var path in new[] { $"/charts/{Uri.EscapeDataString(segment)}.csv", $"/api/extracts/{Uri.EscapeDataString(segment)}", $"/Error/{Uri.EscapeDataString(segment)}" })
            {
                using var response = await admin.GetAsync(path);
                if ((int)response.StatusCode >= 500)
                    problems.Add($"{(int)response.StatusCode} for {Short(path)}");
            }
        }

        Assert.Empty(problems);
        Assert.Equal(before, WarehouseCounts());
    }

    [Fact]
    public async Task InjectedFacility_IsNoBroaderThanTheFacilityItNames()
    {
        var admin = await SignInAsync(Server, AccountRoles.Admin);
        var facility = RealFacility();
        var one = await RowsAsync(admin, $"/charts/facility-discharges.csv?facility={facility}");

        foreach (var payload in new[] { "' OR '1'='1", "') or ('1'='1", "' OR 1=1 --" })
        {
            using var response = await admin.GetAsync($"/charts/facility-discharges.csv?facility={Uri.EscapeDataString(facility + payload)}");
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for facility {facility}{payload}");
            if (response.StatusCode == HttpStatusCode.OK)
                Assert.True(Rows(await response.Content.ReadAsStringAsync()) <= one, $"facility {facility}{payload} gave more than {facility} alone");
        }
    }

    private string RealFacility()
    {
        using var connection = Warehouse.OpenConnection();
        return connection.Scalar<string>("select min(facility_id) from marts.fct_abstracts")!;
    }

    private static async Task<int> RowsAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return Rows(await response.Content.ReadAsStringAsync());
    }

    // Table rows of a page, or lines of a CSV: what a broadened filter would give more of.
    private static int Rows(string body) =>
        body.Contains("<html", StringComparison.OrdinalIgnoreCase) ? TableRow().Count(body) : body.Count(c => c == '\n');

    private static string Short(string text) => text.Length > 40 ? text[..40] + "…" : text;

    [GeneratedRegex("<tr[ >]")]
    private static partial Regex TableRow();
}
