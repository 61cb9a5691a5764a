using Hangfire;
using HealthStats.Etl.Jobs;

namespace HealthStats.Dashboard.Jobs;

/// <summary>Queues each claimed inbox file as its own Hangfire job (one file, one batch, one job).</summary>
public sealed class HangfireInboxQueue(IBackgroundJobClient jobs) : IInboxJobQueue
{
    public void EnqueueIngest(string fileName) =>
        jobs.Enqueue<InboxFileJob>(job => job.RunAsync(fileName, CancellationToken.None));
}
