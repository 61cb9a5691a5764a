using System.Text.Json;
using HealthStats.Etl.Benchmarks;

namespace HealthStats.Cli.Commands;

internal sealed class BenchPagesCommand : ICommand
{
    public string Name => "bench pages";

    public string Summary => "Times a running dashboard's pages (p50 and p95 server time per page).";

    public string Usage =>
        "usage: healthstats bench pages [--url URL] --user USER [--password-file FILE] [--runs N] [--warmup N] [--pages PATH,PATH...] [--json]\n" +
        "  --url URL     the dashboard (default http://localhost:5000); start it on the data directory to measure\n" +
        "  --user USER   the account to sign in with (pages are timed as that user's role sees them)\n" +
        "  --password-file FILE  its password, the file's first line; without it $HEALTHSTATS_PASSWORD\n" +
        "  --runs N      timed requests per page, one at a time (default 50)\n" +
        "  --warmup N    untimed requests per page (default 3), after a first one reported as 'first' (cold)\n" +
        "  --pages LIST  pages to time, comma-separated; default: the home page and every page its links lead to\n" +
        "  --json        one object: url, runs, pages: [{path, first_ms, server_p50_ms, server_p95_ms, server_max_ms, client_p50_ms, client_p95_ms, bytes}]";

    public IReadOnlyCollection<string> ValueOptions => ["url", "runs", "warmup", "pages", "user", PasswordFileOption.Name];

    public IReadOnlyCollection<string> Flags => ["json"];

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var line = context.Line;
        if (line.Positional.Count > 0)
            throw new UsageException($"unexpected argument '{line.Positional[0]}'");
        var url = DashboardTarget.Url(line);
        var runs = line.Int("runs", 50);
        if (runs < 1)
            throw new UsageException("--runs must be at least 1");
        var pages = line.Value("pages")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var signIn = DashboardTarget.SignIn(line);
        var result = await PageBenchmark.RunAsync(url, runs, line.Int("warmup", 3), pages is { Length: > 0 } ? pages : null, signIn, cancellationToken);
        if (line.Flag("json"))
        {
            context.Out.WriteLine(JsonSerializer.Serialize(result));
            return 0;
        }
        context.Out.WriteLine($"{result.Url}: {result.Runs} requests per page, one at a time");
        context.Out.WriteLine($"{"page",-40} {"first",11} {"server p50",11} {"server p95",11} {"server max",11} {"client p95",11} {"KB",8}");
        foreach (var page in result.Pages)
            context.Out.WriteLine($"{page.Path,-40} {page.FirstMs,8:F1} ms {page.ServerP50Ms,8:F1} ms {page.ServerP95Ms,8:F1} ms {page.ServerMaxMs,8:F1} ms {page.ClientP95Ms,8:F1} ms {page.Bytes / 1024.0,8:F1}");
        return 0;
    }
}
