using System.Runtime.InteropServices;
using Hangfire;
using HealthStats.Cli.Scaleout;
using HealthStats.Etl.Deidentification;
using HealthStats.Etl.Ingest;
using HealthStats.Etl.Jobs;
using HealthStats.Warehouse.Build;

namespace HealthStats.Cli.Commands;

internal sealed class WorkerCommand : ICommand
{
    public const string PostgresVariable = "HealthStats__Jobs__PostgreSql";

    public string Name => "worker";

    public string Summary => "Runs the inbox jobs as one of several workers sharing a data directory, with Hangfire on PostgreSQL.";

    public string Usage =>
        "usage: healthstats worker [--postgres CONNSTR] [--workers N] [--name NAME] [--invisibility-timeout SECONDS]\n" +
        $"  --postgres CONNSTR              Hangfire's job storage and the warehouse lock (default: ${PostgresVariable})\n" +
        "  --workers N                     jobs this process runs at once (default 1: each lands a file in memory)\n" +
        "  --name NAME                     the name Hangfire shows for this worker (default: the machine's name)\n" +
        "  --invisibility-timeout SECONDS  how long a dead worker's job waits before another worker takes it over\n" +
        "                                  (default 300; a living worker keeps renewing its own)\n" +
        "Runs until SIGTERM or Ctrl+C. Every worker schedules the recurring job inbox-scan ($HealthStats__Inbox__Cron,\n" +
        "default every 5 minutes, in $HealthStats__Inbox__TimeZone, default America/Toronto). Files land in parallel;\n" +
        "the warehouse is opened by one worker at a time, under a PostgreSQL advisory lock.";

    public IReadOnlyCollection<string> ValueOptions => ["postgres", "workers", "name", "invisibility-timeout"];

    public IReadOnlyCollection<string> Flags => [];

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        if (context.Line.Positional.Count > 0)
            throw new UsageException($"unexpected argument '{context.Line.Positional[0]}'");
        var connectionString = context.Line.Value("postgres") ?? Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new UsageException($"no PostgreSQL connection string: give --postgres CONNSTR or set {PostgresVariable}. " +
                "Workers share their job queue and the warehouse lock through PostgreSQL.");
        var workerCount = context.Line.Int("workers", 1);
        var invisibility = context.Line.Int("invisibility-timeout", 300);
        if (workerCount < 1 || invisibility < 1)
            throw new UsageException("--workers and --invisibility-timeout must be at least 1");
        var name = context.Line.Value("name") ?? Environment.MachineName;
        var log = new WorkerLog(context.Out, name);

        var data = context.Data;
        // The dashboard holds the warehouse open for as long as it runs: a worker beside it could never take its turn.
        if (HealthStats.Etl.Handoff.RunningServer.Find(data) is not null)
            throw new InvalidOperationException($"{data.ServerFile}: the dashboard is running on this data directory; workers and the dashboard do not share one (see Several workers in the README)");
        data.EnsureCreated();
        var database = context.Warehouse();
        var warehouseLock = new PostgresWarehouseLock(connectionString, log.Write);
        await using (await warehouseLock.AcquireAsync(cancellationToken))
            WarehouseSetup.Initialize(database);
        var key = HmacKeyStore.Load(data,
            Environment.GetEnvironmentVariable("HealthStats__HmacKey"), Environment.GetEnvironmentVariable("HealthStats__HmacKeyFile"));
        var ingest = new IngestService(database, new Pseudonymiser(key), warehouseLock: warehouseLock);
        var ingestOptions = new IngestOptions
        {
            Landed = landed => log.Write($"landed {landed.File} batch {landed.BatchId} from {landed.StartedAt:O} to {landed.EndedAt:O}"),
        };

        WorkerHangfire.ConfigureProcess(new JobLogFilter(log.Write));
        var storage = WorkerHangfire.Storage(connectionString, TimeSpan.FromSeconds(invisibility));
        var queue = new HangfireWorkerQueue(new BackgroundJobClient(storage));
        ScheduleInboxScan(storage, log);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => { signal.Cancel = true; stop.Cancel(); });
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => { signal.Cancel = true; stop.Cancel(); });
        var serverOptions = new BackgroundJobServerOptions
        {
            ServerName = name,
            WorkerCount = workerCount,
            SchedulePollingInterval = TimeSpan.FromSeconds(1),
            Activator = new WorkerJobActivator(() => new InboxScanJob(data, queue), () => new InboxFileJob(data, ingest, ingestOptions)),
        };
        using (new BackgroundJobServer(serverOptions, storage))
        {
            log.Write($"started: {workerCount} job(s) at once, data {data.Root}, invisibility timeout {invisibility} s");
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
                log.Write("stopping: running jobs are cancelled and go back to the queue");
            }
        }
        log.Write("stopped");
        return 0;
    }

    // AddOrUpdate is idempotent: every worker makes the same call, and the job runs once per occurrence.
    private static void ScheduleInboxScan(JobStorage storage, WorkerLog log)
    {
        var cron = Environment.GetEnvironmentVariable("HealthStats__Inbox__Cron") ?? "*/5 * * * *";
        var zoneId = Environment.GetEnvironmentVariable("HealthStats__Inbox__TimeZone") ?? "America/Toronto";
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        }
        catch (TimeZoneNotFoundException)
        {
            // A machine without time-zone data: run on UTC, and say so, rather than not at all (as the dashboard does).
            log.Write($"time zone {zoneId} is unknown on this machine (is tzdata installed?); the inbox scan runs on UTC");
            zone = TimeZoneInfo.Utc;
        }
        new RecurringJobManager(storage).AddOrUpdate<InboxScanJob>(WorkerHangfire.InboxScan, job => job.Run(), cron, new RecurringJobOptions { TimeZone = zone });
        log.Write($"inbox scan scheduled: {cron} ({zone.Id})");
    }
}
