namespace HealthStats.Cli.Tests;

/// <summary>Runs the healthstats command in-process and captures what it prints.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    /// <summary>Runs it; an ingest into a data directory without a key gets one first, as a configured site has.</summary>
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        if (args.Length > 0 && args[0] == "ingest")
            HealthStats.TestSupport.TestHmacKey.WriteInto(DataDirectory(args));
        return await RunWithoutKeyAsync(args);
    }

    /// <summary>Runs it as given: a data directory with no key stays without one.</summary>
    public static async Task<CliRun> RunWithoutKeyAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, stdout, stderr);
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }

    private static string DataDirectory(string[] args)
    {
        var at = Array.IndexOf(args, "--data");
        return at >= 0 && at + 1 < args.Length
            ? args[at + 1]
            : Environment.GetEnvironmentVariable("HealthStats__DataDirectory") ?? Path.Combine(Environment.CurrentDirectory, "data");
    }
}
