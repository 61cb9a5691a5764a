using System.Text.RegularExpressions;
using HealthStats.TestSupport;

namespace HealthStats.Dashboard.Tests;

[Collection(DashboardCollection.Name)]
public sealed partial class RestartTests : IDisposable
{
    private readonly TempDirectory data = new("restart");

    public void Dispose() => data.Dispose();

    [Fact]
    public async Task Restart_KeepsTheData_AndDoesNotMakeTheDemoTwice()
    {
        string before;
        using (var first = new DashboardServer(data, ownsData: false))
        {
            before = Figures(await first.WaitForHomePageWithDataAsync(TimeSpan.FromSeconds(90)));
            Assert.Equal(4, first.DemoPasswords.Count);
        }

        using var second = new DashboardServer(data, ownsData: false);
        Assert.Empty(second.DemoPasswords);
        Assert.Equal(5, second.Accounts.Count()); // the demo's four and the test's admin, no more
        var html = await second.Client.GetStringAsync("/");
        Assert.Contains("id=\"top-diagnoses\"", html, StringComparison.Ordinal);
        Assert.Equal(before, Figures(html));
        await Task.Delay(TimeSpan.FromSeconds(3)); // time for a wrongly queued demo job to run
        Assert.Equal(before, Figures(await second.Client.GetStringAsync("/")));
        Assert.Single(Directory.GetFiles(Path.Combine(second.DataDirectory, "inbox", "processed")));
    }

    // The abstracts and batches figures of the overview.
    private static string Figures(string html) => string.Join("/", FigurePattern().Matches(html).Select(m => m.Groups[1].Value));

    [GeneratedRegex("<div class=\"figure\"><b[^>]*>([0-9,]+)</b>")]
    private static partial Regex FigurePattern();
}
