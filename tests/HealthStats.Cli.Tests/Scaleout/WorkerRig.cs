using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Hangfire;
using Hangfire.Storage.Monitoring;
using HealthStats.Cli.Scaleout;
using HealthStats.Etl.Generation;
using HealthStats.Etl.Jobs;
using HealthStats.Etl.Reliability;
using HealthStats.TestSupport;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Cli.Tests.Scaleout;

/// <summary>
/// Real `healthstats worker` processes on one data directory and one PostgreSQL database of their own,
/// the inbox files they are given, and what their output and Hangfire's job store say they did.
/// </summary>
internal sealed partial class WorkerRig : IDisposable
{
    public static readonly TimeSpan InvisibilityTimeout = TimeSpan.FromSeconds(8);

    private readonly TempDirectory work = new("scaleout");
    private readonly TestPostgres postgres = TestPostgres.Create();
    private readonly CliProcess cli;
    private readonly Dictionary<string, CliProcess.Running> workers = [];

    public WorkerRig()
    {
        Data = new DataDirectory(work.Combine("data"));
        var keyFile = work.Combine("hmac.key");
        File.WriteAllText(keyFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        cli = new CliProcess(typeof(CliApp).Assembly.Location, new Dictionary<string, string>
        {
            // Both workers pseudonymise alike, as the workers of one site must.
            ["HealthStats__HmacKeyFile"] = keyFile,
            // Scans come from the test only, so that it knows when files are queued.
            ["HealthStats__Inbox__Cron"] = "0 0 1 1 *",
        });
        WorkerHangfire.ConfigureProcess();
        Storage = WorkerHangfire.Storage(postgres.ConnectionString, InvisibilityTimeout);
    }

    public DataDirectory Data { get; }

    public JobStorage Storage { get; }

    public IReadOnlyDictionary<string, CliProcess.Running> Workers => workers;

    public async Task StartWorkersAsync(params string[] names)
    {
        foreach (var name in names)
            workers[name] = cli.Start("worker", "--data", Data.Root, "--postgres", postgres.ConnectionString, "--name", name,
                "--invisibility-timeout", ((int)InvisibilityTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        foreach (var (name, worker) in workers)
            await WaitForAsync(() => worker.Output.Contains(" started: ", StringComparison.Ordinal) || worker.HasExited, TimeSpan.FromMinutes(2),
                $"worker {name} to start");
        foreach (var (name, worker) in workers)
            Assert.False(worker.HasExited, $"worker {name} exited {(worker.HasExited ? worker.ExitCode : 0)}: {worker.Output}{worker.Error}");
    }

    /// <summary>Generates abstracts into the inbox under a dot name, then renames it, as a site should.</summary>
    public string DropInInbox(string name, int abstracts, int seed, int facilities)
    {
        var generated = work.Combine("generated", name);
        AbstractGenerator.Generate(new GeneratorOptions(abstracts, seed, facilities), generated);
        Directory.CreateDirectory(Data.InboxDirectory);
        var partial = Path.Combine(Data.InboxDirectory, "." + name);
        File.Copy(Path.Combine(generated, "abstracts.csv"), partial);
        File.Move(partial, Path.Combine(Data.InboxDirectory, name));
        return name;
    }

    public void EnqueueScan() => new BackgroundJobClient(Storage).Enqueue<InboxScanJob>(job => job.Run());

    /// <summary>The loaded files, by the receipts they left in processed/ (the loaded file itself is deleted).</summary>
    public string[] Processed() => FileNames(Data.ProcessedDirectory)
        .Where(f => f.EndsWith(HealthStats.Etl.Jobs.InboxFileJob.ReceiptSuffix, StringComparison.Ordinal))
        .Select(f => f[..^HealthStats.Etl.Jobs.InboxFileJob.ReceiptSuffix.Length]).ToArray();

    public string[] Failed() => FileNames(Data.FailedDirectory);

    private static string[] FileNames(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder).Select(f => Path.GetFileName(f)).ToArray() : [];

    /// <summary>Waits until the files are processed and their jobs are recorded as done.</summary>
    public async Task WaitForProcessedAsync(int files, TimeSpan timeout)
    {
        try
        {
            await WaitForAsync(() => Processed().Length + Failed().Length >= files, timeout, $"{files} inbox files processed");
            // A job leaves its receipt (or moves its file to failed/) before it returns, and Hangfire records it as
            // succeeded after: a worker stopped in between would leave the job processing, seen by SucceededIngests as never done.
            await WaitForAsync(() => SucceededIngests().Count >= files, timeout, $"{files} ingest jobs recorded as succeeded");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\n{Outputs()}", ex);
        }
    }

    public void StopWorkers()
    {
        foreach (var worker in workers.Values)
            worker.Kill();
    }

    /// <summary>Every succeeded ingest job, with the server of each time it was processed, oldest first.</summary>
    public IReadOnlyList<(string File, IReadOnlyList<string> Servers)> SucceededIngests()
    {
        var monitoring = Storage.GetMonitoringApi();
        var jobs = new List<(string, IReadOnlyList<string>)>();
        foreach (var (id, job) in monitoring.SucceededJobs(0, 1000))
        {
            if (job.Job?.Type != typeof(InboxFileJob))
                continue;
            var history = monitoring.JobDetails(id).History;
            var servers = history.Where(s => s.StateName == "Processing").Reverse().Select(ServerOf).ToList();
            jobs.Add(((string)job.Job.Args[0], servers));
        }
        return jobs;
    }

    /// <summary>Hangfire's server id starts with the name the worker was given.</summary>
    private static string ServerOf(StateHistoryDto state) => state.Data["ServerId"].Split(':')[0];

    public IEnumerable<(string Worker, DateTime Time, string Message)> Log() =>
        workers.SelectMany(w => w.Value.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ', 3))
            .Where(parts => parts.Length == 3 && parts[1] == w.Key)
            .Select(parts => (w.Key, DateTime.Parse(parts[0], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), parts[2])))
            .OrderBy(entry => entry.Item2);

    /// <summary>Each worker's "landed FILE batch ID from START to END" lines.</summary>
    public IReadOnlyList<(string Worker, string File, DateTime Start, DateTime End)> Landings() =>
        Log().Select(e => (e.Worker, Match: LandedLine().Match(e.Message)))
            .Where(e => e.Match.Success)
            .Select(e => (e.Worker, e.Match.Groups[1].Value,
                DateTime.Parse(e.Match.Groups[2].Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal),
                DateTime.Parse(e.Match.Groups[3].Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal)))
            .ToList();

    public string Outputs() =>
        string.Join("\n", workers.Select(w => $"--- {w.Key} (exited: {w.Value.HasExited})\n{w.Value.Output}{w.Value.Error}"));

    public static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
                throw new TimeoutException($"waited {timeout.TotalSeconds} s for {what}");
            await Task.Delay(200);
        }
    }

    public void Dispose()
    {
        foreach (var worker in workers.Values)
            worker.Dispose();
        postgres.Dispose();
        work.Dispose();
    }

    [GeneratedRegex(@"^landed (\S+) batch \S+ from (\S+) to (\S+)$")]
    private static partial Regex LandedLine();
}
