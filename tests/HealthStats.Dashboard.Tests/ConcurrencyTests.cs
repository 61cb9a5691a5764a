using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Hangfire;
using HealthStats.Cli;
using HealthStats.Dashboard.Jobs;
using HealthStats.Etl.Generation;
using Microsoft.Extensions.DependencyInjection;

namespace HealthStats.Dashboard.Tests;

/// <summary>
/// Pages and the extract API under concurrent requests while a batch is ingested, on a real port: no request
/// fails, every answer shows the warehouse before the batch or after it, never in between, and two inbox
/// scans triggered at once load the file once.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed partial class ConcurrencyTests : IDisposable
{
    private static readonly string[] Pages = ["/", "/Diagnoses", "/Interventions", "/Facilities", "/Data", "/Operations", "/Rates", "/Publication?spec=monthly"];

    private readonly DashboardServer server = new();

    public void Dispose() => server.Dispose();

    [Fact]
    public async Task RequestsDuringAnIngest_NeverFail_AndSeeTheBatchWholeOrNotAtAll_AndTwoScansLoadTheFileOnce()
    {
        var before = State(await server.WaitForHomePageWithDataAsync(TimeSpan.FromSeconds(90)));
        Directory.CreateDirectory(Path.Combine(server.DataDirectory, "extract-specs"));
        File.WriteAllText(Path.Combine(server.DataDirectory, "extract-specs", "monthly.json"), PublishingDashboard.Monthly);
        var token = await IssueTokenAsync("monthly");
        var generated = Path.Combine(server.Data.Path, "second");
        AbstractGenerator.Generate(new GeneratorOptions(6_000, 99, Facilities: 3, FirstFiscalYear: 2025, FiscalYears: 1, ErrorRate: 0.05), generated);

        var failures = new ConcurrentBag<string>();
        var states = new ConcurrentBag<(long Abstracts, long Batches)>();
        var requests = 0;
        using var stop = new CancellationTokenSource();
        var clients = new List<HttpClient>();
        for (var i = 0; i < 6; i++)
            clients.Add(await server.SignInAsync("analyst"));
        var load = clients.Select((client, n) => Task.Run(async () =>
        {
            for (var i = n; !stop.IsCancellationRequested; i++)
            {
                var path = Pages[i % Pages.Length];
                using var response = await client.GetAsync(path);
                var body = await response.Content.ReadAsStringAsync();
                Interlocked.Increment(ref requests);
                if (!response.IsSuccessStatusCode)
                    failures.Add($"{path}: {(int)response.StatusCode}");
                else if (path == "/")
                    states.Add(State(body));
            }
        })).ToList();
        load.Add(Task.Run(async () =>
        {
            using var api = server.AnonymousClient();
            while (!stop.IsCancellationRequested)
            {
                using var message = new HttpRequestMessage(HttpMethod.Get, "/api/extracts/monthly");
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await api.SendAsync(message);
                var zip = await response.Content.ReadAsByteArrayAsync();
                Interlocked.Increment(ref requests);
                if (!response.IsSuccessStatusCode || zip.Length == 0)
                    failures.Add($"/api/extracts/monthly: {(int)response.StatusCode}");
            }
        }));

        // The file arrives under a dot name and is renamed when whole, as the README asks; then two scans at once.
        var inbox = Path.Combine(server.DataDirectory, "inbox");
        File.Copy(Path.Combine(generated, "abstracts.csv"), Path.Combine(inbox, ".second.csv"));
        File.Move(Path.Combine(inbox, ".second.csv"), Path.Combine(inbox, "second.csv"));
        var jobs = (IRecurringJobManagerV2)server.Services.GetRequiredService<IRecurringJobManager>();
        await Task.WhenAll(Task.Run(() => jobs.TriggerJob(RecurringJobs.InboxScan)), Task.Run(() => jobs.TriggerJob(RecurringJobs.InboxScan)));
        var processed = Path.Combine(inbox, "processed");
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!(Directory.Exists(processed) && Directory.EnumerateFiles(processed, "second*.receipt.json").Any()) && DateTime.UtcNow < deadline)
            await Task.Delay(200);
        await Task.Delay(2000); // a little more load on the new state
        stop.Cancel();
        await Task.WhenAll(load);
        foreach (var client in clients)
            client.Dispose();

        var after = State(await server.Client.GetStringAsync("/"));
        Assert.Empty(failures);
        Assert.Equal(before.Batches + 1, after.Batches);
        Assert.Single(Directory.EnumerateFiles(processed, "second*.receipt.json"));
        Assert.Empty(Directory.EnumerateFiles(inbox, "second*.csv"));
        Assert.All(states, s => Assert.True(s == before || s == after, $"a page showed {s}: neither {before} before the batch nor {after} after it"));
        Assert.Contains(before, states);
        Assert.Contains(after, states);
        Assert.True(requests > 50, $"only {requests} requests were made during the ingest");
    }

    private async Task<string> IssueTokenAsync(string spec)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(["tokens", "issue", "--spec", spec, "--data", server.DataDirectory], stdout, stderr);
        Assert.True(exit == 0, stderr.ToString());
        return stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim();
    }

    private static (long Abstracts, long Batches) State(string home)
    {
        var abstracts = AbstractCount().Match(home);
        var batches = BatchCount().Match(home);
        Assert.True(abstracts.Success && batches.Success, "the home page shows no counts");
        return (long.Parse(abstracts.Groups[1].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture),
            long.Parse(batches.Groups[1].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("<b id=\"abstract-count\">([0-9,]+)</b>")]
    private static partial Regex AbstractCount();

    [GeneratedRegex("<b>([0-9,]+)</b>batches loaded")]
    private static partial Regex BatchCount();
}
