using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace HealthStats.Etl.Benchmarks;

/// <summary>
/// Times a running dashboard's pages: the home page and every page its navigation links to, each
/// requested a number of times after a warm-up, one request at a time. Server time comes from the
/// dashboard's Server-Timing header; client time adds the loopback and the transfer. The first
/// request of each page is reported apart: the dashboard keeps what it computed until the next batch,
/// so the first request after a start or a batch is the one that queries and draws (cold).
/// </summary>
public static partial class PageBenchmark
{
    /// <summary>Signed in as the given user, when given (the dashboard's pages need a sign-in), else anonymous.</summary>
    public static async Task<PageBenchmarkResult> RunAsync(Uri baseAddress, int runs, int warmup, IReadOnlyList<string>? paths, (string User, string Password)? signIn, CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromSeconds(120);
        using var http = signIn is { } credentials
            ? await DashboardSignIn.SignInAsync(baseAddress, credentials.User, credentials.Password, timeout, cancellationToken)
            : DashboardSignIn.Anonymous(baseAddress, timeout);
        paths ??= await DiscoverAsync(http, cancellationToken);
        var pages = new List<PageTiming>();
        foreach (var path in paths)
        {
            var (firstMs, _, _) = await TimeAsync(http, path, cancellationToken);
            for (var i = 0; i < warmup; i++)
                await TimeAsync(http, path, cancellationToken);
            var server = new List<double>(runs);
            var client = new List<double>(runs);
            long bytes = 0;
            for (var i = 0; i < runs; i++)
            {
                var (serverMs, clientMs, length) = await TimeAsync(http, path, cancellationToken);
                server.Add(serverMs);
                client.Add(clientMs);
                bytes = length;
            }
            pages.Add(new PageTiming
            {
                Path = path,
                FirstMs = Math.Round(firstMs, 1),
                ServerP50Ms = Percentile(server, 0.50),
                ServerP95Ms = Percentile(server, 0.95),
                ServerMaxMs = Math.Round(server.Max(), 1),
                ClientP50Ms = Percentile(client, 0.50),
                ClientP95Ms = Percentile(client, 0.95),
                Bytes = bytes,
            });
        }
        return new PageBenchmarkResult { Url = baseAddress.ToString(), Runs = runs, Pages = pages };
    }

    /// <summary>The home page and the same-site pages its links lead to (not the job dashboard, sign-in pages or internal endpoints).</summary>
    internal static async Task<IReadOnlyList<string>> DiscoverAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var home = await http.GetAsync("/", cancellationToken);
        ThrowUnlessOk(home, "/");
        var html = await home.Content.ReadAsStringAsync(cancellationToken);
        return LinkPattern().Matches(html).Select(m => m.Groups[1].Value)
            .Where(p => !p.StartsWith("/hangfire", StringComparison.Ordinal) && !p.StartsWith("/internal", StringComparison.Ordinal)
                && !p.StartsWith("/Account/", StringComparison.Ordinal) && !p.StartsWith("/Error/", StringComparison.Ordinal))
            .Prepend("/")
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static async Task<(double ServerMs, double ClientMs, long Bytes)> TimeAsync(HttpClient http, string path, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var clientMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        ThrowUnlessOk(response, path);
        var bytes = response.Content.Headers.ContentLength ?? (await response.Content.ReadAsByteArrayAsync(cancellationToken)).LongLength;
        return (ServerDuration(response) ?? clientMs, clientMs, bytes);
    }

    private static void ThrowUnlessOk(HttpResponseMessage response, string path)
    {
        if (response.Headers.Location?.OriginalString.Contains("/Account/SignIn", StringComparison.OrdinalIgnoreCase) == true)
            throw new InvalidOperationException($"{path} needs a sign-in: give --user USER and the password (--password-file FILE or $HEALTHSTATS_PASSWORD)");
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode} {response.ReasonPhrase}");
    }

    // Server-Timing: app;dur=12.3
    private static double? ServerDuration(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Server-Timing", out var values))
            return null;
        var match = DurationPattern().Match(string.Join(",", values));
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p * sorted.Count) - 1; // nearest rank
        return Math.Round(sorted[Math.Clamp(rank, 0, sorted.Count - 1)], 1);
    }

    [GeneratedRegex("href=\"(/[^\"#?]*)\"")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"dur=([0-9.]+)")]
    private static partial Regex DurationPattern();
}

public sealed record PageBenchmarkResult
{
    [JsonPropertyName("url")] public required string Url { get; init; }
    [JsonPropertyName("runs")] public required int Runs { get; init; }
    [JsonPropertyName("pages")] public required IReadOnlyList<PageTiming> Pages { get; init; }
}

public sealed record PageTiming
{
    [JsonPropertyName("path")] public required string Path { get; init; }
    /// <summary>The server time of the page's first request: cold, unless the dashboard had served it since its last batch.</summary>
    [JsonPropertyName("first_ms")] public double FirstMs { get; init; }
    [JsonPropertyName("server_p50_ms")] public double ServerP50Ms { get; init; }
    [JsonPropertyName("server_p95_ms")] public double ServerP95Ms { get; init; }
    [JsonPropertyName("server_max_ms")] public double ServerMaxMs { get; init; }
    [JsonPropertyName("client_p50_ms")] public double ClientP50Ms { get; init; }
    [JsonPropertyName("client_p95_ms")] public double ClientP95Ms { get; init; }
    [JsonPropertyName("bytes")] public long Bytes { get; init; }
}
