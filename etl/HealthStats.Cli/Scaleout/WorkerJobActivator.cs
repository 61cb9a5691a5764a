using Hangfire;
using HealthStats.Etl.Jobs;

namespace HealthStats.Cli.Scaleout;

/// <summary>Makes the jobs a worker runs, which need the data directory and the ingest service; no other job runs here.</summary>
internal sealed class WorkerJobActivator(Func<InboxScanJob> scan, Func<InboxFileJob> file) : JobActivator
{
    public override object ActivateJob(Type jobType) =>
        jobType == typeof(InboxScanJob) ? scan()
        : jobType == typeof(InboxFileJob) ? file()
        : throw new InvalidOperationException($"A worker runs the inbox jobs only, not {jobType.Name}.");
}
