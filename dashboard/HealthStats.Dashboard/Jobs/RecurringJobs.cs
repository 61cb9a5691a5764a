using Hangfire;
using HealthStats.Dashboard.Hosting;
using HealthStats.Etl.Jobs;
using Microsoft.Extensions.Options;

namespace HealthStats.Dashboard.Jobs;

/// <summary>Every recurring job, with its stable id, schedule and time zone, in one place.</summary>
public sealed class RecurringJobs(IRecurringJobManager manager, IOptions<HealthStatsOptions> options, ILogger<RecurringJobs> logger) : IHostedService
{
    public const string InboxScan = "inbox-scan";
    public const string LakeCompaction = "lake-compaction";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var inbox = options.Value.Inbox;
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(inbox.TimeZone);
        }
        catch (TimeZoneNotFoundException)
        {
            // A machine without time-zone data: run on UTC, and say so loudly, rather than not at all.
            logger.LogError("Time zone {TimeZone} is unknown on this machine (is tzdata installed?); the inbox scan runs on UTC", inbox.TimeZone);
            zone = TimeZoneInfo.Utc;
        }
        manager.AddOrUpdate<InboxScanJob>(InboxScan, job => job.Run(), inbox.Cron, new RecurringJobOptions { TimeZone = zone });
        logger.LogInformation("Inbox scan scheduled: {Cron} ({TimeZone})", inbox.Cron, zone.Id);
        var compaction = options.Value.Compaction;
        manager.AddOrUpdate<LakeCompactionJob>(LakeCompaction, job => job.RunAsync(CancellationToken.None), compaction.Cron, new RecurringJobOptions { TimeZone = zone });
        logger.LogInformation("Lake compaction scheduled: {Cron} ({TimeZone})", compaction.Cron, zone.Id);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
