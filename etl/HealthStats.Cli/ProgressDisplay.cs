using System.Diagnostics;
using HealthStats.Etl.Ingest;

namespace HealthStats.Cli;

/// <summary>
/// Shows ingest progress on standard error: a bar redrawn in place on a terminal, plain lines now
/// and then when the output goes to a file or a pipe (where a redrawn bar would be noise).
/// </summary>
internal sealed class ProgressDisplay(TextWriter error, bool isTerminal) : IProgress<IngestProgress>
{
    private const int BarWidth = 30;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private string? file;
    private long lastLine = -1;

    public static ProgressDisplay ForConsole(TextWriter error) => new(error, !Console.IsErrorRedirected);

    public void Report(IngestProgress value)
    {
        if (value.File != file)
        {
            file = value.File;
            clock.Restart();
            lastLine = -1;
        }
        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        var rate = value.Records / seconds;
        if (isTerminal)
        {
            var filled = (int)Math.Round(Math.Clamp(value.Fraction, 0, 1) * BarWidth);
            error.Write($"\r{value.File} [{new string('#', filled)}{new string('.', BarWidth - filled)}] {value.Fraction,4:P0} {value.Records,12:N0} rows {rate,10:N0} rows/s");
            if (value.Fraction >= 1)
                error.WriteLine();
        }
        else if (value.Fraction >= 1 || value.Records - lastLine >= 100_000 || lastLine < 0)
        {
            error.WriteLine($"{value.File}: {value.Records:N0} rows read ({value.Fraction:P0}), {rate:N0} rows/s");
            lastLine = value.Records;
        }
    }
}
