using System.Diagnostics;

namespace HealthStats.Cli.Tests.Hostile;

/// <summary>
/// Runs the real healthstats command as a child process and reads its peak resident memory (VmHWM in
/// /proc/PID/status, the kernel's own high-water mark) just before it exits, so that the figure is the
/// command's alone, not the test host's.
/// </summary>
internal sealed record PeakMemoryRun(int ExitCode, string Out, string Error, long PeakBytes, TimeSpan Elapsed)
{
    public static async Task<PeakMemoryRun> RunAsync(TimeSpan timeLimit, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "healthstats.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["HealthStats__DataDirectory"] = null;
        // A configured key, as a site has one: ingest makes none up outside the demo.
        start.Environment["HealthStats__HmacKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, HighWaterMark(process.Id));
            if (clock.Elapsed > timeLimit)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"healthstats {string.Join(' ', args)} did not finish within {timeLimit.TotalSeconds:N0} s");
            }
            await Task.Delay(20);
        }
        await process.WaitForExitAsync();
        return new PeakMemoryRun(process.ExitCode, await stdout, await stderr, peak, clock.Elapsed);
    }

    private static long HighWaterMark(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0; // the process ended between the check and the read
        }
    }
}
