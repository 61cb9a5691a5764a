using HealthStats.Warehouse.Storage;
using Xunit.Abstractions;

namespace HealthStats.Cli.Tests.Scaleout;

/// <summary>
/// Two `healthstats worker` processes on one data directory and one PostgreSQL: files land in parallel, the
/// warehouse is opened by one worker at a time, nothing is loaded twice, and a killed worker's job is finished
/// by the other.
/// </summary>
public sealed class WorkerScaleoutTests(ITestOutputHelper output)
{
    private sealed record Batch(string FileName, int Received, int Loaded, int Quarantined);

    [PostgresFact]
    public async Task Workers_LoadEveryInboxFileOnce_AndLandInParallel_WhenTwoShareTheInbox()
    {
        using var rig = new WorkerRig();
        await rig.StartWorkersAsync("w1", "w2");
        // Large enough that one worker's landing outlasts the other's reading of the warehouse before its own.
        var files = Enumerable.Range(1, 6).Select(n => rig.DropInInbox($"site-{n}.csv", 10_000, seed: 100 + n, facilities: n)).ToList();

        rig.EnqueueScan();
        await rig.WaitForProcessedAsync(files.Count, TimeSpan.FromMinutes(5));
        rig.StopWorkers();

        Assert.True(rig.Failed().Length == 0, $"failed: {string.Join(", ", rig.Failed())}\n{rig.Outputs()}");
        Assert.Equal(files.Order(), rig.Processed().Order());
        var batches = Batches(rig.Data);
        Assert.Equal(files.Order(), batches.Select(b => b.FileName).Order());
        Assert.All(batches, b => Assert.Equal(b.Received, b.Loaded + b.Quarantined));
        Assert.All(batches, b => Assert.Equal(10_000, b.Received));

        var jobs = rig.SucceededIngests();
        Assert.Equal(files.Order(), jobs.Select(j => j.File).Order());
        Assert.Equal(["w1", "w2"], jobs.SelectMany(j => j.Servers).Distinct().Order());

        var landings = rig.Landings();
        output.WriteLine(rig.Outputs());
        Assert.Equal(6, landings.Count);
        var overlapping = landings.SelectMany(a => landings.Where(b => b.Worker != a.Worker && a.Start < b.End && b.Start < a.End)).Count();
        Assert.True(overlapping > 0, "no two landings overlapped in time:\n" + string.Join("\n", landings));
        AssertWarehouseHeldByOneAtATime(rig);
    }

    [PostgresFact]
    public async Task Workers_FinishTheJobOfAKilledWorker_LoadingItsFileOnce()
    {
        using var rig = new WorkerRig();
        await rig.StartWorkersAsync("w1", "w2");
        var file = rig.DropInInbox("large.csv", 40_000, seed: 7, facilities: 4);

        rig.EnqueueScan();
        // Kill the worker that took the file once it has read the warehouse and is landing, the longest step.
        string? victim = null;
        await WorkerRig.WaitForAsync(() =>
            (victim = rig.Workers.Keys.FirstOrDefault(name => LandingStarted(rig, name))) is not null, TimeSpan.FromMinutes(2), "a worker to start landing");
        rig.Workers[victim!].Kill();
        var survivor = rig.Workers.Keys.Single(name => name != victim);

        await rig.WaitForProcessedAsync(1, TimeSpan.FromMinutes(4));
        rig.StopWorkers();
        output.WriteLine(rig.Outputs());

        Assert.True(rig.Failed().Length == 0, $"failed: {string.Join(", ", rig.Failed())}\n{rig.Outputs()}");
        Assert.Equal([file], rig.Processed());
        var batch = Assert.Single(Batches(rig.Data));
        Assert.Equal(file, batch.FileName);
        Assert.Equal(40_000, batch.Received);
        Assert.Equal(batch.Received, batch.Loaded + batch.Quarantined);
        var job = Assert.Single(rig.SucceededIngests());
        Assert.Equal([victim!, survivor], job.Servers);
        Assert.DoesNotContain(rig.Landings(), l => l.Worker == victim);
        Assert.Contains(rig.Landings(), l => l.Worker == survivor && l.File == file);
    }

    [Fact]
    public async Task Worker_RefusesToStart_WhenNoPostgresConnectionStringIsGiven()
    {
        using var data = new HealthStats.TestSupport.TempDirectory();
        var cli = new HealthStats.Etl.Reliability.CliProcess(typeof(CliApp).Assembly.Location,
            new Dictionary<string, string> { ["HealthStats__Jobs__PostgreSql"] = "" });

        using var worker = cli.Start("worker", "--data", data.Path);

        Assert.True(await worker.WaitAsync(TimeSpan.FromMinutes(1)), "the worker did not exit");
        Assert.Equal(2, worker.ExitCode);
        Assert.Contains("no PostgreSQL connection string: give --postgres CONNSTR or set HealthStats__Jobs__PostgreSql", worker.Error);
    }

    // A claimed batch, then the warehouse let go: phase one is over and the file is being landed.
    private static bool LandingStarted(WorkerRig rig, string worker)
    {
        var messages = rig.Log().Where(e => e.Worker == worker).Select(e => e.Message).ToList();
        var claimed = messages.FindIndex(m => m.StartsWith("batch ", StringComparison.Ordinal) && m.EndsWith(" claimed", StringComparison.Ordinal));
        return claimed >= 0 && messages.Skip(claimed).Any(m => m == "warehouse releasing");
    }

    // Each worker logs "warehouse held" once it has the lock and "warehouse releasing" before it lets go:
    // merged by time, the two workers' spans must never interleave.
    private static void AssertWarehouseHeldByOneAtATime(WorkerRig rig)
    {
        string? holder = null;
        foreach (var (worker, time, message) in rig.Log())
        {
            if (message == "warehouse held")
            {
                Assert.True(holder is null, $"{worker} held the warehouse at {time:O} while {holder} did");
                holder = worker;
            }
            else if (message == "warehouse releasing")
            {
                Assert.Equal(holder, worker);
                holder = null;
            }
        }
    }

    private static List<Batch> Batches(DataDirectory data)
    {
        using var connection = new WarehouseDatabase(data).OpenConnection();
        return connection.Rows("select file_name, received, loaded, quarantined from meta.batches",
            r => new Batch(r.GetString(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3)));
    }
}
