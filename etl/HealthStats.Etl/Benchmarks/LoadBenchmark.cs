using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json.Serialization;

namespace HealthStats.Etl.Benchmarks;

/// <summary>
/// Holds a running dashboard under load: a number of users, each signed in with a session of its own, each
/// requesting the next page as soon as the last one answered, for a fixed time, over the dashboard's pages
/// and (with a ministry token) the extract API. Every answer that is not a success is an error; latencies
/// are the client's, from request to the last byte, reported as p50, p95 and p99 overall and per path.
/// </summary>
public static class LoadBenchmark
{
    public sealed record Settings(Uri BaseAddress, string User, string Password, int Users, TimeSpan Duration,
        IReadOnlyList<string>? Pages = null, string? ApiToken = null, string? ApiSpec = null);

    public static async Task<LoadBenchmarkResult> RunAsync(Settings settings, CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromSeconds(120);
        var sessions = new List<HttpClient>();
        try
        {
            for (var i = 0; i < settings.Users; i++)
            {
                try
                {
                    sessions.Add(await DashboardSignIn.SignInAsync(settings.BaseAddress, settings.User, settings.Password, timeout, cancellationToken));
                }
                catch (InvalidOperationException ex) when (ex.Message.Contains("429", StringComparison.Ordinal))
                {
                    // The dashboard limits sign-ins per address (30 a minute by default), and every simulated user signs in from here.
                    throw new InvalidOperationException(
                        $"the dashboard refused sign-in {i + 1} of {settings.Users} from this address (429): start it with " +
                        $"HealthStats__Auth__SignInAttemptsPerMinutePerAddress above {settings.Users} for the load test", ex);
                }
            }
            var paths = settings.Pages ?? await PageBenchmark.DiscoverAsync(sessions[0], cancellationToken);
            var requests = paths.Select(p => new Request(p, null)).ToList();
            if (settings.ApiToken is not null && settings.ApiSpec is not null)
                requests.Add(new Request($"/api/extracts/{Uri.EscapeDataString(settings.ApiSpec)}", settings.ApiToken));

            var samples = new ConcurrentBag<Sample>();
            var clock = Stopwatch.StartNew();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            stop.CancelAfter(settings.Duration);
            await Task.WhenAll(sessions.Select((http, user) => Task.Run(() => UserLoopAsync(http, requests, user, samples, stop.Token), CancellationToken.None)));
            var seconds = clock.Elapsed.TotalSeconds;
            return Summarise(settings, samples.ToList(), seconds);
        }
        finally
        {
            foreach (var session in sessions)
                session.Dispose();
        }
    }

    private sealed record Request(string Path, string? BearerToken);

    private sealed record Sample(string Path, double Milliseconds, string? Error);

    // Each user starts at its own place in the list, so that every path is under load at once.
    private static async Task UserLoopAsync(HttpClient http, IReadOnlyList<Request> requests, int user, ConcurrentBag<Sample> samples, CancellationToken stop)
    {
        for (var i = user; !stop.IsCancellationRequested; i++)
        {
            var request = requests[i % requests.Count];
            using var message = new HttpRequestMessage(HttpMethod.Get, request.Path);
            if (request.BearerToken is not null)
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", request.BearerToken);
            var started = Stopwatch.GetTimestamp();
            try
            {
                // Not cancelled by the end of the run: a request under way is finished and counted.
                using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, CancellationToken.None);
                await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
                var error = response.IsSuccessStatusCode ? null : $"{(int)response.StatusCode} {response.ReasonPhrase}";
                samples.Add(new Sample(request.Path, Stopwatch.GetElapsedTime(started).TotalMilliseconds, error));
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                samples.Add(new Sample(request.Path, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ex.GetType().Name + ": " + ex.Message));
            }
        }
    }

    private static LoadBenchmarkResult Summarise(Settings settings, List<Sample> samples, double seconds) => new()
    {
        Url = settings.BaseAddress.ToString(),
        Users = settings.Users,
        Seconds = Math.Round(seconds, 1),
        Requests = samples.Count,
        Errors = samples.Count(s => s.Error is not null),
        RequestsPerSecond = Math.Round(samples.Count / seconds, 1),
        P50Ms = Percentile(samples, 0.50),
        P95Ms = Percentile(samples, 0.95),
        P99Ms = Percentile(samples, 0.99),
        MaxMs = samples.Count == 0 ? 0 : Math.Round(samples.Max(s => s.Milliseconds), 1),
        FirstErrors = samples.Where(s => s.Error is not null).Select(s => $"{s.Path}: {s.Error}").Distinct().Take(10).ToList(),
        Paths = samples.GroupBy(s => s.Path).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new LoadPathResult
        {
            Path = g.Key,
            Requests = g.Count(),
            Errors = g.Count(s => s.Error is not null),
            P50Ms = Percentile(g.ToList(), 0.50),
            P95Ms = Percentile(g.ToList(), 0.95),
            P99Ms = Percentile(g.ToList(), 0.99),
        }).ToList(),
    };

    private static double Percentile(List<Sample> samples, double p)
    {
        if (samples.Count == 0)
            return 0;
        var sorted = samples.Select(s => s.Milliseconds).Order().ToList();
        return Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)], 1); // nearest rank
    }
}

public sealed record LoadBenchmarkResult
{
    [JsonPropertyName("url")] public required string Url { get; init; }
    [JsonPropertyName("users")] public int Users { get; init; }
    [JsonPropertyName("seconds")] public double Seconds { get; init; }
    [JsonPropertyName("requests")] public int Requests { get; init; }
    [JsonPropertyName("errors")] public int Errors { get; init; }
    [JsonPropertyName("requests_per_second")] public double RequestsPerSecond { get; init; }
    [JsonPropertyName("p50_ms")] public double P50Ms { get; init; }
    [JsonPropertyName("p95_ms")] public double P95Ms { get; init; }
    [JsonPropertyName("p99_ms")] public double P99Ms { get; init; }
    [JsonPropertyName("max_ms")] public double MaxMs { get; init; }
    [JsonPropertyName("first_errors")] public IReadOnlyList<string> FirstErrors { get; init; } = [];
    [JsonPropertyName("paths")] public IReadOnlyList<LoadPathResult> Paths { get; init; } = [];
}

public sealed record LoadPathResult
{
    [JsonPropertyName("path")] public required string Path { get; init; }
    [JsonPropertyName("requests")] public int Requests { get; init; }
    [JsonPropertyName("errors")] public int Errors { get; init; }
    [JsonPropertyName("p50_ms")] public double P50Ms { get; init; }
    [JsonPropertyName("p95_ms")] public double P95Ms { get; init; }
    [JsonPropertyName("p99_ms")] public double P99Ms { get; init; }
}
