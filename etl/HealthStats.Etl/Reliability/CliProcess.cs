using System.Diagnostics;
using System.Text;

namespace HealthStats.Etl.Reliability;

/// <summary>
/// The healthstats command run as a process of its own, so that it can be killed like a real one: SIGKILL,
/// no finally blocks, no flushing. <paramref name="CliDll"/> is healthstats.dll, run by the dotnet host.
/// </summary>
public sealed record CliProcess(string CliDll, IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>The dotnet host running this process, else the one on the PATH.</summary>
    private static string DotnetHost =>
        System.Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    public Running Start(params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliDll);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in Environment)
            start.Environment[name] = value;
        return new Running(Process.Start(start) ?? throw new InvalidOperationException($"could not start {DotnetHost} {CliDll}"));
    }

    /// <summary>Runs to the end; throws with what it printed when it fails or outlives the timeout.</summary>
    public Task<string> RunAsync(TimeSpan timeout, params string[] arguments) => RunAsync(timeout, new HashSet<int> { 0 }, arguments);

    /// <summary>Runs to the end; throws with what it printed when it exits with another code or outlives the timeout.</summary>
    public async Task<string> RunAsync(TimeSpan timeout, IReadOnlySet<int> exitCodes, params string[] arguments)
    {
        using var running = Start(arguments);
        if (!await running.WaitAsync(timeout))
        {
            running.Kill();
            throw new TimeoutException($"healthstats {string.Join(' ', arguments)} did not finish in {timeout.TotalSeconds} s");
        }
        if (!exitCodes.Contains(running.ExitCode))
            throw new InvalidOperationException($"healthstats {string.Join(' ', arguments)} exited {running.ExitCode}: {running.Error}");
        return running.Output;
    }

    /// <summary>A started command whose output is drained as it comes, so that a full pipe never stalls it.</summary>
    public sealed class Running : IDisposable
    {
        private readonly Process process;
        private readonly StringBuilder output = new();
        private readonly StringBuilder error = new();
        private readonly Stopwatch clock = Stopwatch.StartNew();

        internal Running(Process process)
        {
            this.process = process;
            process.OutputDataReceived += (_, e) => Append(output, e.Data);
            process.ErrorDataReceived += (_, e) => Append(error, e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public TimeSpan Elapsed => clock.Elapsed;

        public bool HasExited => process.HasExited;

        public int ExitCode => process.ExitCode;

        public string Output { get { lock (output) return output.ToString(); } }

        public string Error { get { lock (error) return error.ToString(); } }

        public async Task<bool> WaitAsync(TimeSpan timeout)
        {
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cancel.Token);
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        /// <summary>SIGKILL (Process.Kill on Unix), then waits for the process to be gone.</summary>
        public void Kill()
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // already exited
            }
            process.WaitForExit();
        }

        public void Dispose()
        {
            Kill();
            process.Dispose();
        }

        private static void Append(StringBuilder buffer, string? line)
        {
            if (line is null)
                return;
            lock (buffer)
                buffer.AppendLine(line);
        }
    }
}
