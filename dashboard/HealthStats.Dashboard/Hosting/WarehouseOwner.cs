using System.Security.Cryptography;
using DuckDB.NET.Data;
using Hangfire;
using HealthStats.Dashboard.Accounts;
using HealthStats.Etl.Handoff;
using HealthStats.Etl.Jobs;
using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace HealthStats.Dashboard.Hosting;

/// <summary>
/// Holds the warehouse for the life of the process: DuckDB allows one writing process, and while
/// the dashboard runs it is that process. It prepares the warehouse, leaves server.json so that the
/// CLI hands its ingests here, and on a first start with an empty data directory queues the demo
/// and makes the demo accounts.
/// </summary>
public sealed class WarehouseOwner(
    WarehouseDatabase database,
    IServer server,
    IHostApplicationLifetime lifetime,
    IBackgroundJobClient jobs,
    IOptions<HealthStatsOptions> options,
    DemoAccounts demoAccounts,
    // Asked for here so that a missing or malformed key stops the start, not the first ingest.
    HealthStats.Etl.Deidentification.Pseudonymiser pseudonymiser,
    ILogger<WarehouseOwner> logger) : IHostedService, IDisposable
{
    private DuckDBConnection? keepAlive;

    /// <summary>The token a local CLI must present to hand work to this process.</summary>
    public string Token { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public Task StartAsync(CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pseudonymiser);
        WarehouseSetup.Initialize(database);
        // One connection held open keeps DuckDB's database instance (and its lock) for this process.
        keepAlive = database.OpenConnection();
        QueueDemoOnFirstStart();
        lifetime.ApplicationStarted.Register(WriteServerFile);
        return Task.CompletedTask;
    }

    private void QueueDemoOnFirstStart()
    {
        var demo = options.Value.Demo;
        var marker = Path.Combine(database.DataDirectory.Root, "demo.json");
        if (!demo.Enabled || File.Exists(marker) || new BatchLoader(database).List().Count > 0)
            return;
        File.WriteAllText(marker, $"{{\"queued_at\":\"{DateTime.UtcNow:O}\",\"abstracts\":{demo.Abstracts}}}");
        demoAccounts.CreateWhenThereAreNone();
        var jobId = jobs.Enqueue<DemoDataJob>(job => job.Run(demo.Abstracts));
        // The demo file lands in the inbox; scanning right after it ingests it without waiting for the schedule.
        jobs.ContinueJobWith<InboxScanJob>(jobId, job => job.Run());
        logger.LogInformation("First start with an empty data directory: demo data queued as job {JobId}", jobId);
    }

    private void WriteServerFile()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
            return;
        var url = address.Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal);
        new RunningServer(url, Token, Environment.ProcessId).Write(database.DataDirectory);
        logger.LogInformation("Warehouse {File} is owned by this process; the CLI hands ingests to {Url}", database.DataDirectory.WarehouseFile, url);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        RunningServer.Remove(database.DataDirectory, Environment.ProcessId);
        return Task.CompletedTask;
    }

    public void Dispose() => keepAlive?.Dispose();
}
