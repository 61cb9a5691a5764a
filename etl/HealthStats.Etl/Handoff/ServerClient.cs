using System.Net.Http.Json;
using HealthStats.Etl.CodingQuality;
using HealthStats.Etl.Ingest;

namespace HealthStats.Etl.Handoff;

/// <summary>Hands an ingest (and waits for its job to finish) or an audit outcomes import to a running dashboard.</summary>
public sealed class ServerClient(RunningServer server) : IDisposable
{
    // An import is answered when it is done: a large file of outcomes takes a while.
    private readonly HttpClient http = new() { BaseAddress = new Uri(server.Url), Timeout = TimeSpan.FromMinutes(10) };

    public Task<LabelsImportResult> ImportLabelsAsync(string path, CancellationToken cancellationToken) =>
        PostAsync<LabelsRequest, LabelsImportResult>("/internal/labels", new LabelsRequest(path), "import", cancellationToken);

    public Task<TrainingResult> TrainAsync(CancellationToken cancellationToken) =>
        PostAsync<object, TrainingResult>("/internal/train", new { }, "training", cancellationToken);

    public Task<FlagResponse> FlagAsync(FlagRequest request, CancellationToken cancellationToken) =>
        PostAsync<FlagRequest, FlagResponse>("/internal/flag", request, "scoring", cancellationToken);

    // Work the dashboard does at once and answers with its result.
    private async Task<TResult> PostAsync<TRequest, TResult>(string path, TRequest request, string what, CancellationToken cancellationToken)
    {
        using var post = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(request) };
        post.Headers.Add(RunningServer.TokenHeader, server.Token);
        using var response = await http.SendAsync(post, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"The dashboard at {server.Url} refused the {what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        return await response.Content.ReadFromJsonAsync<TResult>(cancellationToken)
            ?? throw new InvalidOperationException($"The dashboard gave no {what} result.");
    }

    public async Task<IngestTotals> IngestAsync(IngestRequest request, Action<string>? onState, CancellationToken cancellationToken)
    {
        using var post = new HttpRequestMessage(HttpMethod.Post, "/internal/ingest") { Content = JsonContent.Create(request) };
        post.Headers.Add(RunningServer.TokenHeader, server.Token);
        using var response = await http.SendAsync(post, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"The dashboard at {server.Url} refused the ingest: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        var accepted = await response.Content.ReadFromJsonAsync<IngestAccepted>(cancellationToken)
            ?? throw new InvalidOperationException("The dashboard gave no job id.");
        onState?.Invoke($"handed to the running dashboard at {server.Url} as job {accepted.JobId}");
        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(2000, delay.TotalMilliseconds * 1.5));
            using var get = new HttpRequestMessage(HttpMethod.Get, $"/internal/ingest/{Uri.EscapeDataString(accepted.JobId)}");
            get.Headers.Add(RunningServer.TokenHeader, server.Token);
            using var poll = await http.SendAsync(get, cancellationToken);
            poll.EnsureSuccessStatusCode();
            var status = await poll.Content.ReadFromJsonAsync<IngestJobStatus>(cancellationToken)
                ?? throw new InvalidOperationException("The dashboard gave no job state.");
            switch (status.State)
            {
                case "Succeeded":
                    return status.Totals ?? throw new InvalidOperationException("The job succeeded without totals.");
                case "Failed" or "Deleted":
                    throw new InvalidOperationException($"The dashboard's ingest job {accepted.JobId} failed: {status.Error}");
            }
        }
    }

    public void Dispose() => http.Dispose();
}
