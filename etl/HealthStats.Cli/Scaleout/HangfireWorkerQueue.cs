using Hangfire;
using HealthStats.Etl.Jobs;

namespace HealthStats.Cli.Scaleout;

/// <summary>Queues each claimed inbox file as its own job on the shared storage, for whichever worker is free.</summary>
internal sealed class HangfireWorkerQueue(IBackgroundJobClient jobs) : IInboxJobQueue
{
    public void EnqueueIngest(string fileName) =>
        jobs.Enqueue<InboxFileJob>(job => job.RunAsync(fileName, CancellationToken.None));
}
