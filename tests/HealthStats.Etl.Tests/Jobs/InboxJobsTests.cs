using System.Collections.Concurrent;
using HealthStats.Etl.Deidentification;
using HealthStats.Etl.Ingest;
using HealthStats.Etl.Jobs;
using HealthStats.Etl.Tests.Ingest;
using HealthStats.TestSupport;
using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Tests.Jobs;

public sealed class InboxJobsTests : IDisposable
{
    private readonly TempDirectory temp = new("inbox");
    private readonly DataDirectory data;
    private readonly WarehouseDatabase database;
    private readonly RecordingQueue queue = new();

    public InboxJobsTests()
    {
        data = new DataDirectory(temp.Combine("data"));
        database = new WarehouseDatabase(data);
        WarehouseSetup.Initialize(database);
    }

    public void Dispose() => temp.Dispose();

    private IngestService Ingest() => new(database, new Pseudonymiser(HmacKeyStore.LoadOrCreate(data)));

    [Fact]
    public void Scan_ClaimsEachFileOnce_WhenTwoScansRunAtOnce()
    {
        for (var i = 0; i < 40; i++)
            File.WriteAllText(Path.Combine(data.InboxDirectory, $"f{i:D2}.csv"), "x");

        Parallel.For(0, 4, _ => new InboxScanJob(data, queue).Run());

        Assert.Equal(40, queue.Files.Count);
        Assert.Equal(40, queue.Files.Distinct().Count());
    }

    [Fact]
    public void Scan_SkipsDotFiles_ThatAreStillBeingWritten()
    {
        File.WriteAllText(Path.Combine(data.InboxDirectory, ".upload.csv"), "x");

        Assert.Empty(new InboxScanJob(data, queue).Run());
    }

    [Fact]
    public async Task FileJob_DeletesALoadedFile_LeavingAReceiptInProcessed()
    {
        new AbstractFileBuilder().Add("F001", "A1").Write(Path.Combine(data.InboxDirectory, "good.csv"));
        new InboxScanJob(data, queue).Run();

        var totals = await new InboxFileJob(data, Ingest()).RunAsync(Assert.Single(queue.Files), CancellationToken.None);

        Assert.Equal(1, totals.Loaded);
        Assert.Equal(["good.csv.receipt.json"], Directory.GetFiles(data.ProcessedDirectory).Select(Path.GetFileName));
        Assert.Contains("\"loaded\":1", File.ReadAllText(Path.Combine(data.ProcessedDirectory, "good.csv.receipt.json")), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.Combine(data.InboxDirectory, InboxScanJob.ClaimedFolder)));
    }

    [Fact]
    public async Task FileJob_MovesAnUnreadableFileToFailed_WithTheReason()
    {
        File.WriteAllText(Path.Combine(data.InboxDirectory, "bad.csv"), "what,is,this\n1,2,3\n");
        new InboxScanJob(data, queue).Run();

        var totals = await new InboxFileJob(data, Ingest()).RunAsync("bad.csv", CancellationToken.None);

        Assert.Single(totals.Failed);
        Assert.True(File.Exists(Path.Combine(data.FailedDirectory, "bad.csv")));
        Assert.Contains("bad.csv, line 1", File.ReadAllText(Path.Combine(data.FailedDirectory, "bad.csv.error.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileJob_RunAgain_ReportsTheFirstRunsReceipt_WithoutReadingTheFileAgain()
    {
        new AbstractFileBuilder().Add("F001", "A1").Add("F001", "A2").Write(Path.Combine(data.InboxDirectory, "good.csv"));
        new InboxScanJob(data, queue).Run();
        var first = await new InboxFileJob(data, Ingest()).RunAsync("good.csv", CancellationToken.None);

        var again = await new InboxFileJob(data, Ingest()).RunAsync("good.csv", CancellationToken.None);

        Assert.Equal(2, first.Loaded);
        Assert.Equal(first.Loaded, again.Loaded);
        Assert.Equal(first.Files.Single().BatchId, again.Files.Single().BatchId);
        Assert.Single(Directory.GetFiles(data.ProcessedDirectory));
    }

    [Fact]
    public async Task FileJob_RunAgain_ReportsTheFirstRunsFailure()
    {
        File.WriteAllText(Path.Combine(data.InboxDirectory, "bad.csv"), "what,is,this\n1,2,3\n");
        new InboxScanJob(data, queue).Run();
        await new InboxFileJob(data, Ingest()).RunAsync("bad.csv", CancellationToken.None);

        var again = await new InboxFileJob(data, Ingest()).RunAsync("bad.csv", CancellationToken.None);

        Assert.Contains("bad.csv, line 1", Assert.Single(again.Failed).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileJob_Fails_WhenTheFileWasNeverClaimed()
    {
        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => new InboxFileJob(data, Ingest()).RunAsync("never.csv", CancellationToken.None));

        Assert.Contains("never.csv is neither in the inbox's claimed files", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileJob_RefusesAPath_OutsideTheInbox()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => new InboxFileJob(data, Ingest()).RunAsync("../secrets/hmac.key", CancellationToken.None));
    }

    [Fact]
    public void DemoJob_WritesTheDemoFileOnce()
    {
        var job = new DemoDataJob(data);

        Assert.NotNull(job.Run(200));
        Assert.Null(job.Run(200));
        Assert.True(File.Exists(Path.Combine(data.InboxDirectory, DemoDataJob.FileName)));
    }

    private sealed class RecordingQueue : IInboxJobQueue
    {
        private readonly ConcurrentQueue<string> files = new();

        public IReadOnlyList<string> Files => files.ToList();

        public void EnqueueIngest(string fileName) => files.Enqueue(fileName);
    }
}
