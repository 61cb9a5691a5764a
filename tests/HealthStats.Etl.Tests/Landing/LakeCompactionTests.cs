using DuckDB.NET.Data;
using HealthStats.Etl.Deidentification;
using HealthStats.Etl.Ingest;
using HealthStats.Etl.Jobs;
using HealthStats.Etl.Tests.Ingest;
using HealthStats.TestSupport;
using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Lake;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Tests.Landing;

public sealed class LakeCompactionTests : IDisposable
{
    private readonly TempDirectory temp = new("compaction");
    private readonly DataDirectory data;
    private readonly WarehouseDatabase database;

    public LakeCompactionTests()
    {
        data = new DataDirectory(temp.Combine("data"));
        database = new WarehouseDatabase(data);
        WarehouseSetup.Initialize(database);
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Compaction_LeavesOneFilePerPartition_AndTheRebuiltWarehouseUnchanged()
    {
        await IngestThreeBatchesAsync();
        var abstractsPartition = Path.Combine(data.LakeDirectory, "abstracts", "fiscal_year=2024");
        Assert.Equal(3, Directory.GetFiles(abstractsPartition, "*.parquet").Length);
        var before = WarehouseSnapshot.Of(database);

        var result = await new LakeCompactionJob(database).RunAsync(default);

        Assert.True(result.Partitions > 0);
        Assert.Equal(result.Partitions, result.FilesWritten);
        foreach (var partition in PartitionFolders())
            Assert.True(Directory.GetFiles(partition, "*.parquet").Length <= 1, $"{partition} still holds several files");
        Assert.StartsWith(LakeTables.CompactedFilePrefix, Path.GetFileName(Directory.GetFiles(abstractsPartition, "*.parquet").Single()), StringComparison.Ordinal);
        Assert.Equal(before, WarehouseSnapshot.Of(database)); // the warehouse itself is not touched
        WarehouseRebuild.Run(data);
        AssertSameTables(before, WarehouseSnapshot.Of(new WarehouseDatabase(data)));
    }

    [Fact]
    public async Task Compaction_MergesEarlierMergedFiles_WithNewBatches()
    {
        await IngestThreeBatchesAsync();
        await new LakeCompactionJob(database).RunAsync(default);
        await IngestAsync(new AbstractFileBuilder().Add("F003", "Z1").Add("F003", "Z2"), "d.csv");
        var before = WarehouseSnapshot.Of(database);

        var second = await new LakeCompactionJob(database).RunAsync(default);
        var third = await new LakeCompactionJob(database).RunAsync(default);

        Assert.True(second.FilesMerged >= 2);
        Assert.Equal(0, third.Partitions);
        WarehouseRebuild.Run(data);
        AssertSameTables(before, WarehouseSnapshot.Of(new WarehouseDatabase(data)));
    }

    [Fact]
    public async Task Compaction_LeavesAlone_TheFilesOfABatchThatNeverCommitted()
    {
        await IngestThreeBatchesAsync();
        var partition = Path.Combine(data.LakeDirectory, "abstracts", "fiscal_year=2024");
        // Files of a batch without a manifest: landed, then the process died before the warehouse commit.
        var orphan = Path.Combine(partition, "batch-00000000deadbeef.parquet");
        File.Copy(Directory.GetFiles(partition, "*.parquet")[0], orphan);

        await new LakeCompactionJob(database).RunAsync(default);

        Assert.True(File.Exists(orphan));
        Assert.Equal(2, Directory.GetFiles(partition, "*.parquet").Length);
    }

    [Fact]
    public async Task Recovery_DeletesTheSources_WhenACompactionDiedAfterItsRename()
    {
        await IngestThreeBatchesAsync();
        var before = WarehouseSnapshot.Of(database);
        var (sources, target) = CrashAfterRename();

        WarehouseRebuild.Run(data);

        Assert.All(sources, s => Assert.False(File.Exists(s)));
        Assert.True(File.Exists(target));
        AssertSameTables(before, WarehouseSnapshot.Of(new WarehouseDatabase(data)));
    }

    [Fact]
    public async Task TheCoreViews_ReadTheMergedFileOnly_WhileACompactionThatDiedAfterItsRenameAwaitsRecovery()
    {
        await IngestThreeBatchesAsync();
        var before = WarehouseSnapshot.Of(database);
        var (sources, _) = CrashAfterRename();

        // A start redefines the views from the lake as it is, sources and merged file side by side.
        WarehouseSetup.Initialize(database);

        Assert.All(sources, s => Assert.True(File.Exists(s)));
        Assert.Equal(before, WarehouseSnapshot.Of(database));
        var next = await new LakeCompactionJob(database).RunAsync(default);
        Assert.Equal(1, next.Recovered);
        Assert.All(sources, s => Assert.False(File.Exists(s)));
        Assert.Equal(before, WarehouseSnapshot.Of(database));
    }

    [Fact]
    public async Task Recovery_KeepsTheSources_WhenACompactionDiedBeforeItsRename()
    {
        await IngestThreeBatchesAsync();
        var before = WarehouseSnapshot.Of(database);
        var partition = Path.Combine(data.LakeDirectory, "abstracts", "fiscal_year=2024");
        var sources = Directory.GetFiles(partition, "*.parquet").Order(StringComparer.Ordinal).ToList();
        var target = Path.Combine(partition, LakeTables.CompactedFilePrefix + "crashed.parquet");
        MergeWithDuckDb(sources, target + ".tmp");
        CompactionJournal.Write(data, target, sources);

        WarehouseRebuild.Run(data);

        Assert.All(sources, s => Assert.True(File.Exists(s)));
        Assert.False(File.Exists(target + ".tmp"));
        Assert.Empty(Directory.GetFiles(CompactionJournal.Folder(data)));
        AssertSameTables(before, WarehouseSnapshot.Of(new WarehouseDatabase(data)));
    }

    // The state a crash leaves between a compaction's rename and its deletions: merged file and sources side by side.
    private (List<string> Sources, string Target) CrashAfterRename()
    {
        var partition = Path.Combine(data.LakeDirectory, "abstracts", "fiscal_year=2024");
        var sources = Directory.GetFiles(partition, "*.parquet").Order(StringComparer.Ordinal).ToList();
        var target = Path.Combine(partition, LakeTables.CompactedFilePrefix + "crashed.parquet");
        MergeWithDuckDb(sources, target);
        CompactionJournal.Write(data, target, sources);
        return (sources, target);
    }

    private async Task IngestThreeBatchesAsync()
    {
        await IngestAsync(new AbstractFileBuilder().Add("F001", "A1").Add("F001", "A2", px: "0DTJ4ZZ", pxDate: "2024-05-02"), "a.csv");
        await IngestAsync(new AbstractFileBuilder().Add("F002", "B1").Add("F001", "A2", mrdx: "I50.9"), "b.csv");
        await IngestAsync(new AbstractFileBuilder().Add("F001", "A3").AddRaw("F002,B1,D,,,,,,,,,,,,,,,,,,,,,,,"), "c.csv");
    }

    private async Task IngestAsync(AbstractFileBuilder builder, string name)
    {
        var ingest = new IngestService(database, new Pseudonymiser(HmacKeyStore.LoadOrCreate(data)));
        var summary = await ingest.IngestFileAsync(builder.Write(temp.Combine(name)), new IngestOptions(), default);
        Assert.Equal(summary.Received, summary.Loaded + summary.Quarantined);
    }

    private IEnumerable<string> PartitionFolders() =>
        LakeTables.Partitioned.Select(t => Path.Combine(data.LakeDirectory, t)).Where(Directory.Exists)
            .SelectMany(t => Directory.GetDirectories(t, "fiscal_year=*"))
            .Append(Path.Combine(data.LakeDirectory, LakeTables.Deletions)).Where(Directory.Exists);

    private static void MergeWithDuckDb(IEnumerable<string> sources, string target)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        var list = string.Join(", ", sources.Select(DuckDBConnectionExtensions.Literal));
        connection.Execute($"copy (select * from read_parquet([{list}], hive_partitioning = false)) to {DuckDBConnectionExtensions.Literal(target)} (format parquet)");
    }

    // Batch times and the rebuild's own reference copy aside, every table must hold the same rows.
    private static void AssertSameTables(Dictionary<string, string> before, Dictionary<string, string> after)
    {
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        foreach (var (table, rows) in before)
            Assert.True(rows == after[table], $"{table} differs after the rebuild");
    }
}
