using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using HealthStats.Cli;
using HealthStats.Etl.Accounts;
using HealthStats.Etl.Audit;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Dashboard.Tests;

/// <summary>
/// The extract API on a real Kestrel port over the demo data, with tokens issued and revoked by the
/// CLI while the dashboard runs, as an admin does it.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ExtractApiTests(DashboardServer server) : IClassFixture<DashboardServer>
{
    internal const string Monthly = """
        {
          "name": "ministry-monthly",
          "description": "Discharges by sex and mortality",
          "suppression": { "policy": "CIHI", "minimum_region_population": null },
          "tables": [
            { "name": "discharges_by_sex", "indicator": "discharges", "dimensions": ["sex"] },
            { "name": "mortality_by_sex", "indicator": "in_hospital_mortality", "dimensions": ["sex"] }
          ]
        }
        """;

    private const string Other = """
        { "name": "other", "suppression": { "policy": "HCUP" }, "tables": [ { "name": "days_by_sex", "indicator": "patient_days", "dimensions": ["sex"] } ] }
        """;

    private const string Broken = """
        { "name": "broken", "suppression": { "policy": "CIHI" }, "tables": [ { "name": "x", "indicator": "no_such_indicator", "dimensions": ["sex"] } ] }
        """;

    [Fact]
    public async Task Extract_IsPulledWithAMinistryToken_WithTheManifestHashes_AndARevokedTokenAnotherSpecsTokenAndAnAnalystAreRefused()
    {
        WriteSpecs();
        await server.WaitForHomePageWithDataAsync(TimeSpan.FromSeconds(90));
        var (monthlyId, monthly) = await IssueAsync("monthly");
        var (_, other) = await IssueAsync("other");
        using var anonymous = server.AnonymousClient();

        // The list holds only what the token may pull.
        using (var list = await SendAsync(anonymous, "/api/extracts", monthly))
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            var specs = JsonDocument.Parse(await list.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();
            var only = Assert.Single(specs);
            Assert.Equal("monthly", only.GetProperty("name").GetString());
            Assert.Equal("Discharges by sex and mortality", only.GetProperty("description").GetString());
        }

        byte[] zip;
        string manifestHash;
        using (var pulled = await SendAsync(anonymous, "/api/extracts/monthly", monthly))
        {
            Assert.Equal(HttpStatusCode.OK, pulled.StatusCode);
            Assert.Equal("application/zip", pulled.Content.Headers.ContentType!.MediaType);
            Assert.Equal("monthly.zip", pulled.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
            zip = await pulled.Content.ReadAsByteArrayAsync();
            var files = Unzip(zip);
            Assert.Equal(
                ["data-dictionary.csv", "discharges_by_sex.csv", "discharges_by_sex.parquet", "manifest.json", "mortality_by_sex.csv", "mortality_by_sex.parquet"],
                files.Keys.Order(StringComparer.Ordinal));
            manifestHash = Convert.ToHexStringLower(SHA256.HashData(files["manifest.json"]));
            var manifest = JsonDocument.Parse(files["manifest.json"]).RootElement;
            Assert.Equal("ministry-monthly", manifest.GetProperty("spec").GetProperty("name").GetString());
            var listed = manifest.GetProperty("files").EnumerateArray().ToList();
            Assert.Equal(files.Keys.Where(n => n != "manifest.json").Order(StringComparer.Ordinal), listed.Select(f => f.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));
            foreach (var file in listed)
            {
                var bytes = files[file.GetProperty("name").GetString()!];
                Assert.Equal(file.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
                Assert.Equal(file.GetProperty("bytes").GetInt64(), bytes.Length);
            }
            Assert.StartsWith("sex,", System.Text.Encoding.UTF8.GetString(files["discharges_by_sex.csv"]), StringComparison.Ordinal);
        }

        // A ministry session may pull it too, and gets the same bytes: same data and spec, same zip.
        using (var ministry = await server.SignInAsync(AccountRoles.Ministry))
        using (var again = await ministry.GetAsync("/api/extracts/monthly"))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal(zip, await again.Content.ReadAsByteArrayAsync());
        }

        // Another spec's token, an analyst's session, then the same token once the CLI has revoked it.
        using (var otherSpec = await SendAsync(anonymous, "/api/extracts/monthly", other))
            Assert.Equal(HttpStatusCode.Forbidden, otherSpec.StatusCode);
        using (var analyst = await server.SignInAsync(AccountRoles.Analyst))
        using (var asAnalyst = await analyst.GetAsync("/api/extracts/monthly"))
            Assert.Equal(HttpStatusCode.Forbidden, asAnalyst.StatusCode);
        var revoke = await CliAsync("tokens", "revoke", monthlyId);
        Assert.Equal(0, revoke.Exit);
        using (var revoked = await SendAsync(anonymous, "/api/extracts/monthly", monthly))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
            Assert.Contains("invalid_token", revoked.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }
        using (var revokedList = await SendAsync(anonymous, "/api/extracts", monthly))
            Assert.Equal(HttpStatusCode.Unauthorized, revokedList.StatusCode);

        // The audit log holds the token's issue and revocation and both downloads, with the manifest's hash.
        var audit = AuditLog.Open(new DataDirectory(server.DataDirectory));
        Assert.Contains(audit.List(action: AuditActions.TokenIssued), e => e.Target.StartsWith($"token {monthlyId} for monthly,", StringComparison.Ordinal) && e.Actor == $"cli:{Environment.UserName}");
        Assert.Contains(audit.List(action: AuditActions.TokenRevoked), e => e.Target == $"token {monthlyId}");
        var downloads = audit.List(action: AuditActions.ExtractDownloaded);
        Assert.Contains(downloads, e => (e.Actor, e.Target, e.Source) == ($"token:{monthlyId}", $"monthly manifest sha256:{manifestHash}", "127.0.0.1"));
        Assert.Contains(downloads, e => (e.Actor, e.Target) == ("test-ministry", $"monthly manifest sha256:{manifestHash}"));
        Assert.True(audit.Verify().IsIntact);
    }

    [Fact]
    public async Task Api_RefusesNoOrAnUnknownToken_With401_AndNeverRedirectsToSignIn()
    {
        WriteSpecs();
        using var anonymous = server.AnonymousClient();

        using var none = await anonymous.GetAsync("/api/extracts/monthly");
        using var unknown = await SendAsync(anonymous, "/api/extracts/monthly", "hs_" + new string('A', 43));
        using var garbage = await SendAsync(anonymous, "/api/extracts", "not-a-token");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
    }

    [Fact]
    public async Task Api_Answers404ForAnUnknownSpec_And400WithTheProblemsForAnInvalidOne()
    {
        WriteSpecs();
        using var ministry = await server.SignInAsync(AccountRoles.Ministry);

        using var list = await ministry.GetAsync("/api/extracts");
        using var missing = await ministry.GetAsync("/api/extracts/no-such-spec");
        using var dotted = await ministry.GetAsync("/api/extracts/..%2Fsecrets%2Faccounts");
        using var broken = await ministry.GetAsync("/api/extracts/broken");

        // A ministry session may pull every spec in the folder.
        Assert.Equal(["broken", "monthly", "other"], JsonDocument.Parse(await list.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, dotted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        var problem = JsonDocument.Parse(await broken.Content.ReadAsStringAsync()).RootElement;
        var detail = Assert.Single(problem.GetProperty("problems").EnumerateArray()).GetString()!;
        Assert.Contains("$.tables[0].indicator", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(server.DataDirectory, await broken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_DescribesTheExtractEndpoints_AndTheBearerScheme()
    {
        using var anonymous = server.AnonymousClient();

        using var response = await anonymous.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["/api/extracts", "/api/extracts/{spec}"], paths.Order(StringComparer.Ordinal));
        var bearer = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", bearer.GetProperty("type").GetString());
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());
        Assert.True(document.GetProperty("security")[0].TryGetProperty("Bearer", out _));
        var pull = document.GetProperty("paths").GetProperty("/api/extracts/{spec}").GetProperty("get").GetProperty("responses");
        Assert.True(pull.GetProperty("200").GetProperty("content").TryGetProperty("application/zip", out _));
        Assert.True(pull.TryGetProperty("403", out _));
    }

    private void WriteSpecs()
    {
        var folder = new DataDirectory(server.DataDirectory).ExtractSpecsDirectory;
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "monthly.json"), Monthly);
        File.WriteAllText(Path.Combine(folder, "other.json"), Other);
        File.WriteAllText(Path.Combine(folder, "broken.json"), Broken);
    }

    private async Task<(string Id, string Token)> IssueAsync(string spec)
    {
        var run = await CliAsync("tokens", "issue", "--spec", spec, "--label", "test");
        Assert.True(run.Exit == 0, run.Error);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var id = lines[0].Split(' ')[2];
        return (id, lines[^1].Trim());
    }

    private async Task<(int Exit, string Out, string Error)> CliAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApp.RunAsync([.. args, "--data", server.DataDirectory], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }

    private static Dictionary<string, byte[]> Unzip(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }, StringComparer.Ordinal);
    }
}
