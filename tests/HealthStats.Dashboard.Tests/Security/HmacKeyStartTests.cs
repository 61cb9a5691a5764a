using HealthStats.Etl.Deidentification;
using HealthStats.TestSupport;

namespace HealthStats.Dashboard.Tests.Security;

[Collection(DashboardCollection.Name)]
public sealed class HmacKeyStartTests
{
    [Fact]
    public void Dashboard_RefusesToStart_WithoutAKey_WhenTheDemoIsOff()
    {
        using var data = new TempDirectory("dashboard-no-key");

        var error = Record.Exception(() => new DashboardServer(data, ownsData: false, demo: false, new Dictionary<string, string>
        {
            // Present but empty: the test server writes no key of its own, and none is configured.
            ["HealthStats:HmacKey"] = "",
        }).Dispose());

        var missing = FindMissingKey(error);
        Assert.Contains("HealthStats:HmacKeyFile", missing.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(data.Combine("data", "secrets", "hmac.key")));
    }

    [Fact]
    public void Dashboard_StartsWithAnExistingKeyFile_WhenTheDemoIsOff()
    {
        using var data = new TempDirectory("dashboard-key-file");
        TestHmacKey.WriteInto(data.Combine("data"));
        var key = File.ReadAllText(data.Combine("data", "secrets", "hmac.key"));

        using (var server = new DashboardServer(data, ownsData: false, demo: false, new Dictionary<string, string> { ["HealthStats:HmacKey"] = "" }))
            Assert.NotNull(server.Client);

        Assert.Equal(key, File.ReadAllText(data.Combine("data", "secrets", "hmac.key")));
    }

    private static HmacKeyMissingException FindMissingKey(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException ?? (e as AggregateException)?.InnerExceptions.FirstOrDefault())
        {
            if (e is HmacKeyMissingException missing)
                return missing;
        }
        throw new Xunit.Sdk.XunitException($"expected a missing key, got {error}");
    }
}
