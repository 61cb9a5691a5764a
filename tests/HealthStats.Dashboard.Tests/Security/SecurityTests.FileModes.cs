using HealthStats.Cli;

namespace HealthStats.Dashboard.Tests.Security;

public sealed partial class SecurityTests
{
    [Fact]
    public async Task DataDirectory_AfterADemoIngestAndCliCommands_GrantsNothingToGroupOrOthers()
    {
        foreach (var args in new[] { ["batches"], ["quarantine", "list"], new[] { "stats", "--indicator", "discharges" } })
        {
            using var output = new StringWriter();
            await CliApp.RunAsync([.. args, "--data", Server.DataDirectory], output, output);
        }

        Assert.Empty(OwnerOnlyFiles.Exposed(Server.DataDirectory));
    }
}
