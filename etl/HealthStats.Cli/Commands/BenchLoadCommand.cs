using System.Text.Json;
using HealthStats.Etl.Benchmarks;

namespace HealthStats.Cli.Commands;

internal sealed class BenchLoadCommand : ICommand
{
    public string Name => "bench load";

    public string Summary => "Holds a running dashboard under concurrent users for a fixed time: errors, p50, p95 and p99.";

    public string Usage =>
        "usage: healthstats bench load [--url URL] --user USER [--password-file FILE] [--users N] [--seconds S]\n" +
        "                              [--pages PATH,PATH...] [--token-file FILE --spec NAME] [--json]\n" +
        "  --url URL        the dashboard (default http://localhost:5000)\n" +
        "  --user USER      the account every simulated user signs in as (each with a session of its own)\n" +
        "  --password-file FILE  its password, the file's first line; without it $HEALTHSTATS_PASSWORD\n" +
        "  --users N        concurrent users, each requesting the next page as soon as the last answered (default 50)\n" +
        "  --seconds S      how long (default 60)\n" +
        "  --pages LIST     paths to request, comma-separated; default: the home page and every page its links lead to\n" +
        "  --token-file FILE, --spec NAME  also pull the extract NAME from the API with the bearer token in FILE\n" +
        "  --json           one object: users, seconds, requests, errors, requests_per_second, p50_ms, p95_ms, p99_ms, max_ms, paths\n" +
        "Exits 1 when any request failed.";

    public IReadOnlyCollection<string> ValueOptions => ["url", "user", PasswordFileOption.Name, "users", "seconds", "pages", "token-file", "spec"];

    public IReadOnlyCollection<string> Flags => ["json"];

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var line = context.Line;
        if (line.Positional.Count > 0)
            throw new UsageException($"unexpected argument '{line.Positional[0]}'");
        var url = DashboardTarget.Url(line);
        var (user, password) = DashboardTarget.SignIn(line) ?? throw new UsageException("--user is required: every simulated user signs in");
        var users = line.Int("users", 50);
        var seconds = line.Int("seconds", 60);
        if (users < 1 || seconds < 1)
            throw new UsageException("--users and --seconds must be at least 1");
        var tokenFile = line.Value("token-file");
        var spec = line.Value("spec");
        if ((tokenFile is null) != (spec is null))
            throw new UsageException("--token-file and --spec go together");
        var token = tokenFile is null ? null : File.ReadLines(tokenFile).FirstOrDefault()?.Trim();
        var pages = line.Value("pages")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        var result = await LoadBenchmark.RunAsync(
            new LoadBenchmark.Settings(url, user, password, users, TimeSpan.FromSeconds(seconds), pages is { Length: > 0 } ? pages : null, token, spec),
            cancellationToken);
        if (line.Flag("json"))
        {
            context.Out.WriteLine(JsonSerializer.Serialize(result));
        }
        else
        {
            context.Out.WriteLine($"{result.Url}: {result.Users} users for {result.Seconds:F0} s: {result.Requests:N0} requests ({result.RequestsPerSecond:N1}/s), " +
                $"{result.Errors} errors; p50 {result.P50Ms:F1} ms, p95 {result.P95Ms:F1} ms, p99 {result.P99Ms:F1} ms, max {result.MaxMs:F1} ms");
            context.Out.WriteLine($"{"path",-44} {"requests",9} {"errors",7} {"p50",9} {"p95",9} {"p99",9}");
            foreach (var path in result.Paths)
                context.Out.WriteLine($"{path.Path,-44} {path.Requests,9:N0} {path.Errors,7} {path.P50Ms,6:F1} ms {path.P95Ms,6:F1} ms {path.P99Ms,6:F1} ms");
            foreach (var error in result.FirstErrors)
                context.Out.WriteLine($"  error: {error}");
        }
        return result.Errors == 0 ? 0 : 1;
    }
}
