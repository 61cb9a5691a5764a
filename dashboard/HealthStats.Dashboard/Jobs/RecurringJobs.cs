using Hangfire;
using Hangfire.Storage;
using HealthStats.Dashboard.Extracts;
using HealthStats.Dashboard.Hosting;
using HealthStats.Etl.Jobs;
using HealthStats.Warehouse.Extracts;
using Microsoft.Extensions.Options;

namespace HealthStats.Dashboard.Jobs;

/// <summary>Every recurring job, with its stable id, schedule and time zone, in one place.</summary>
public sealed class RecurringJobs(IRecurringJobManager manager, JobStorage storage, IOptions<HealthStatsOptions> options, ILogger<RecurringJobs> logger) : IHostedService
{
    public const string InboxScan = "inbox-scan";
    public const string LakeCompaction = "lake-compaction";
    public const string CodingModelTraining = "coding-model-training";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var inbox = options.Value.Inbox;
        var zone = Zone(inbox.TimeZone, "the inbox scan");
        manager.AddOrUpdate<InboxScanJob>(InboxScan, job => job.Run(), inbox.Cron, new RecurringJobOptions { TimeZone = zone });
        logger.LogInformation("Inbox scan scheduled: {Cron} ({TimeZone})", inbox.Cron, zone.Id);
        var compaction = options.Value.Compaction;
        manager.AddOrUpdate<LakeCompactionJob>(LakeCompaction, job => job.RunAsync(CancellationToken.None), compaction.Cron, new RecurringJobOptions { TimeZone = zone });
        logger.LogInformation("Lake compaction scheduled: {Cron} ({TimeZone})", compaction.Cron, zone.Id);
        var training = options.Value.CodingModel;
        var trainingZone = Zone(training.TimeZone, "the coding model training");
        manager.AddOrUpdate<CodingModelTrainingJob>(CodingModelTraining, job => job.RunAsync(CancellationToken.None), training.Cron, new RecurringJobOptions { TimeZone = trainingZone });
        logger.LogInformation("Coding model training scheduled: {Cron} ({TimeZone})", training.Cron, trainingZone.Id);
        ScheduleExtracts();
        return Task.CompletedTask;
    }

    /// <summary>One job per configured extract, id "extract-NAME"; a schedule removed from the settings removes its job.</summary>
    private void ScheduleExtracts()
    {
        var configured = new HashSet<string>(StringComparer.Ordinal);
        foreach (var schedule in options.Value.Extracts.Schedules)
        {
            var spec = schedule.Spec;
            if (!ExtractSpecFolder.IsValidName(spec))
            {
                logger.LogError("Extract schedule skipped: '{Spec}' is not a spec name (letters, digits, '-' and '_')", spec);
                continue;
            }
            if (!configured.Add(spec))
            {
                logger.LogError("Extract schedule skipped: spec {Spec} is scheduled twice; the first schedule is used", spec);
                continue;
            }
            var zone = Zone(schedule.TimeZone, $"extract {spec}");
            manager.AddOrUpdate<ScheduledExtractJob>(ScheduledExtractJob.RecurringJobId(spec), job => job.RunAsync(spec, CancellationToken.None), schedule.Cron, new RecurringJobOptions { TimeZone = zone });
            logger.LogInformation("Extract {Spec} scheduled: {Cron} ({TimeZone})", spec, schedule.Cron, zone.Id);
        }
        using var connection = storage.GetConnection();
        foreach (var job in connection.GetRecurringJobs())
        {
            if (job.Id.StartsWith(ScheduledExtractJob.RecurringJobId(""), StringComparison.Ordinal)
                && !configured.Contains(job.Id[ScheduledExtractJob.RecurringJobId("").Length..]))
            {
                manager.RemoveIfExists(job.Id);
                logger.LogInformation("Extract schedule {Id} removed: no longer configured", job.Id);
            }
        }
    }

    private TimeZoneInfo Zone(string id, string what)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            // A machine without time-zone data: run on UTC, and say so loudly, rather than not at all.
            logger.LogError("Time zone {TimeZone} is unknown on this machine (is tzdata installed?); {What} runs on UTC", id, what);
            return TimeZoneInfo.Utc;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
