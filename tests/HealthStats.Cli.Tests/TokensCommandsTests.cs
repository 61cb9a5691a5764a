using System.Text.Json;
using HealthStats.Etl.ApiTokens;
using HealthStats.TestSupport;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Cli.Tests;

/// <summary>`healthstats tokens` on a real tokens file in a temporary data directory with two named specs.</summary>
public sealed class TokensCommandsTests : IDisposable
{
    private readonly TempDirectory temp = new("tokens-cli");

    public TokensCommandsTests()
    {
        var folder = new DataDirectory(Data).ExtractSpecsDirectory;
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "monthly.json"), ExtractSpecs.Regions);
        File.WriteAllText(Path.Combine(folder, "diagnoses.json"), ExtractSpecs.Diagnoses);
    }

    public void Dispose() => temp.Dispose();

    private string Data => temp.Combine("data");

    private ApiTokenStore Store => ApiTokenStore.Open(new DataDirectory(Data));

    private Task<CliRun> Run(params string[] args) => CliRun.RunAsync([.. args, "--data", Data]);

    [Fact]
    public async Task TokensIssue_PrintsTheTokenOnce_AndStoresOnlyItsHash()
    {
        var run = await Run("tokens", "issue", "--spec", "monthly,diagnoses", "--expires", "30", "--label", "Ministry of Health");

        Assert.True(run.ExitCode == 0, run.Error);
        var secret = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last().Trim();
        Assert.StartsWith(ApiTokenStore.Prefix, secret, StringComparison.Ordinal);
        Assert.Equal(1, run.Out.Split(secret).Length - 1);
        var token = Assert.Single(Store.List());
        Assert.Equal(["diagnoses", "monthly"], token.Specs);
        Assert.Equal("Ministry of Health", token.Label);
        Assert.InRange(token.ExpiresAt!.Value - token.CreatedAt, TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1), TimeSpan.FromDays(30) + TimeSpan.FromSeconds(1));
        Assert.Equal(token.Id, Store.Find(secret)?.Id);
        var file = new DataDirectory(Data).ApiTokensFile;
        var bytes = File.ReadAllText(file);
        Assert.DoesNotContain(secret, bytes, StringComparison.Ordinal);
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));
        Assert.Contains(sha256, bytes, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
    }

    [Fact]
    public async Task TokensList_ShowsIdsSpecsAndStates_NeverTheToken()
    {
        var first = await Run("tokens", "issue", "--spec", "monthly");
        var second = await Run("tokens", "issue", "--spec", "diagnoses", "--expires", "0", "--label", "no expiry");
        var secrets = new[] { first, second }.Select(r => r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last().Trim()).ToList();
        var revokedId = Store.List().Single(t => t.Specs.Contains("monthly")).Id;
        Assert.Equal(0, (await Run("tokens", "revoke", revokedId)).ExitCode);

        var text = await Run("tokens", "list");
        var json = await Run("tokens", "list", "--json");

        Assert.Equal(0, text.ExitCode);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, text.Out, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, json.Out, StringComparison.Ordinal);
        }
        Assert.Contains("revoked", text.Out, StringComparison.Ordinal);
        Assert.Contains("never", text.Out, StringComparison.Ordinal);
        var rows = JsonDocument.Parse(json.Out).RootElement.EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(["revoked", "active"], rows.Select(r => r.GetProperty("state").GetString()));
        Assert.Equal("no expiry", rows[1].GetProperty("label").GetString());
        Assert.Equal(JsonValueKind.Null, rows[1].GetProperty("expires_at").ValueKind);
    }

    [Fact]
    public async Task TokensRevoke_MakesTheTokenInvalid_AndRefusesAnUnknownId()
    {
        var secret = (await Run("tokens", "issue", "--spec", "monthly")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last().Trim();
        var id = Store.Find(secret)!.Id;
        Assert.True(Store.Find(secret)!.IsValidAt(DateTimeOffset.UtcNow));

        var revoke = await Run("tokens", "revoke", id);
        var unknown = await Run("tokens", "revoke", "000000000000");

        Assert.Equal(0, revoke.ExitCode);
        Assert.True(Store.Find(secret)!.IsRevoked);
        Assert.False(Store.Find(secret)!.IsValidAt(DateTimeOffset.UtcNow));
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("no token with id", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokensIssue_Refuses_ASpecNotInTheFolder_OrNoSpec()
    {
        var missing = await Run("tokens", "issue", "--spec", "monthly,montly");
        var none = await Run("tokens", "issue");
        var traversal = await Run("tokens", "issue", "--spec", "../accounts");

        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no spec 'montly'", missing.Error, StringComparison.Ordinal);
        Assert.Equal(2, none.ExitCode);
        Assert.NotEqual(0, traversal.ExitCode);
        Assert.Empty(Store.List());
    }
}
