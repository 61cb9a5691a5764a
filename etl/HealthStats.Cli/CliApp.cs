namespace HealthStats.Cli;

internal static class CliApp
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        _ = args;
        _ = stderr;
        stdout.WriteLine("healthstats");
        return Task.FromResult(0);
    }
}
