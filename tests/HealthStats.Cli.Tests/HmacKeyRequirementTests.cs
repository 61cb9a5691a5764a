using HealthStats.TestSupport;

namespace HealthStats.Cli.Tests;

public sealed class HmacKeyRequirementTests
{
    [Fact]
    public async Task Ingest_FailsAndSaysHowToConfigureAKey_WhenTheDataDirectoryHasNone()
    {
        using var temp = new TempDirectory("no-key");
        var file = temp.Combine("abstracts.csv");
        await File.WriteAllTextAsync(file, "facility_id\n");

        var run = await CliRun.RunWithoutKeyAsync("ingest", file, "--data", temp.Combine("data"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("HealthStats__HmacKey", run.Error, StringComparison.Ordinal);
        Assert.Contains("secrets/hmac.key", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.Combine("data", "secrets", "hmac.key")));
    }

    [Fact]
    public void MalformedKey_IsRefused_WithoutEchoingIt()
    {
        using var temp = new TempDirectory("bad-key");
        var data = new HealthStats.Warehouse.Storage.DataDirectory(temp.Path);
        const string notBase64 = "s3cr3t-Pseudonym-Key!!";
        const string tooShort = "c2hvcnRTZWNyZXRLZXk=";
        var keyFile = temp.Combine("key.txt");
        File.WriteAllText(keyFile, notBase64);

        foreach (var attempt in new Action[]
        {
            () => HealthStats.Etl.Deidentification.HmacKeyStore.Load(data, notBase64),
            () => HealthStats.Etl.Deidentification.HmacKeyStore.Load(data, tooShort),
            () => HealthStats.Etl.Deidentification.HmacKeyStore.Load(data, configuredKeyFile: keyFile),
        })
        {
            var error = Assert.ThrowsAny<InvalidOperationException>(attempt);
            Assert.DoesNotContain(notBase64, error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(tooShort, error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("s3cr3t", error.ToString(), StringComparison.Ordinal);
        }
    }
}
