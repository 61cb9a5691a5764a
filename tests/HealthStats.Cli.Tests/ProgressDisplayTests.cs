using HealthStats.Etl.Ingest;

namespace HealthStats.Cli.Tests;

public sealed class ProgressDisplayTests
{
    [Fact]
    public void Terminal_RedrawsABarInPlace_WithRowsPerSecond()
    {
        using var error = new StringWriter();
        var display = new ProgressDisplay(error, isTerminal: true);

        display.Report(new IngestProgress("a.csv", 20_000, 0.5));
        display.Report(new IngestProgress("a.csv", 40_000, 1));

        var text = error.ToString();
        Assert.StartsWith("\ra.csv [###############...............]", text, StringComparison.Ordinal);
        Assert.Contains("rows/s", text, StringComparison.Ordinal);
        Assert.EndsWith(Environment.NewLine, text, StringComparison.Ordinal);
    }

    [Fact]
    public void NotATerminal_WritesPlainLines_NowAndThen()
    {
        using var error = new StringWriter();
        var display = new ProgressDisplay(error, isTerminal: false);

        for (var rows = 20_000; rows <= 300_000; rows += 20_000)
            display.Report(new IngestProgress("a.csv", rows, rows / 300_000.0));

        var lines = error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.InRange(lines.Length, 3, 5);
        Assert.DoesNotContain('\r', error.ToString());
        Assert.Contains("300,000 rows read (100", lines[^1], StringComparison.Ordinal);
    }
}
