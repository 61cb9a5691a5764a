using HealthStats.Etl.Deidentification;
using HealthStats.Etl.Generation;
using HealthStats.Etl.Ingest;
using HealthStats.TestSupport;
using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Tests.Ingest;

/// <summary>
/// A batch's core rows are committed before its models, and published with them in a second transaction:
/// readers see the old warehouse until then, and a batch that fails or whose process dies in between
/// leaves nothing behind.
/// </summary>
public sealed class BatchPublishingTests : IDisposable
{
    private readonly TempDirectory temp = new("publishing");
    private readonly DataDirectory data;
    private readonly WarehouseDatabase database;
    private readonly IngestService ingest;
    private readonly string header;
    private readonly List<string> rows;

    public BatchPublishingTests()
    {
        data = new DataDirectory(temp.Combine("data"));
        database = new WarehouseDatabase(data);
        WarehouseSetup.Initialize(database);
        ingest = new IngestService(database, new Pseudonymiser(HmacKeyStore.LoadOrCreate(data)));
        var folder = temp.Combine("gen");
        AbstractGenerator.Generate(new GeneratorOptions(1200, 5, ErrorRate: 0.05), folder);
        var lines = File.ReadAllLines(Path.Combine(folder, AbstractGenerator.AbstractsFileName));
        (header, rows) = (lines[0], lines.Skip(1).ToList());
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Load_ReadsTheBatchsRowsFromTheLake_WithoutACopyInTheWarehouse()
    {
        await IngestAsync("all.csv", rows);

        using var connection = database.OpenConnection();
        Assert.Equal("VIEW", connection.Scalar<string>(
            "select table_type from information_schema.tables where table_schema = 'core' and table_name = 'abstract_versions'"));
        var loaded = connection.Scalar<long>("select sum(loaded)::bigint from meta.batches");
        Assert.True(loaded > 0);
        Assert.Equal(loaded, connection.Scalar<long>("select count(*) from core.abstract_versions"));
        Assert.Equal(loaded, connection.Scalar<long>(
            $"select count(*) from read_parquet('{Path.Combine(data.LakeDirectory, "abstracts", "*", "*.parquet")}')"));
        Assert.Equal(0, connection.Scalar<long>("select count(*) from core.abstract_versions_shape"));
        Assert.Equal(0, connection.Scalar<long>("select count(*) from core.abstract_versions where batch_seq is null"));
    }

    [Fact]
    public async Task FullBuild_ReadersSeeTheOldWarehouse_UntilThePublishingCommit()
    {
        await IngestAsync("first.csv", rows.Take(600));
        var before = Counts();
        var seenDuringTheBuild = new List<string>();
        var stagedDuringTheBuild = 0L;
        var inFlightDuringTheBuild = 0L;

        // Half again as many abstracts: more than IncrementalBuild's share, so every model is rebuilt beside the published ones.
        await IngestAsync("second.csv", rows.Skip(600), new IngestOptions
        {
            ModelBuilt = (model, _) =>
            {
                if (model != "marts.fct_abstracts")
                    return;
                seenDuringTheBuild.AddRange(Counts());
                using var reader = database.OpenConnection();
                stagedDuringTheBuild = reader.Scalar<long>(
                    "select count(*) from information_schema.tables where table_name = 'fct_abstracts__next'");
                inFlightDuringTheBuild = reader.Scalar<long>("select count(*) from meta.batches_in_flight");
            },
        });

        Assert.Equal(before, seenDuringTheBuild);
        Assert.Equal(1, stagedDuringTheBuild);
        Assert.Equal(1, inFlightDuringTheBuild);
        Assert.NotEqual(before, Counts());
        Assert.Equal(0, Unpublished());
    }

    [Theory]
    [InlineData(600, "marts.fct_diagnoses")] // a full build, staged beside the published models
    [InlineData(1150, "marts.fct_diagnoses")] // a small batch, updating the models in the publishing transaction
    [InlineData(600, "marts.sum_submissions_by_batch")] // inside the publishing transaction of a full build
    public async Task ABatchWhoseModelsFail_LeavesNothingBehind_AndLoadsWhenRunAgain(int firstBatch, string failingModel)
    {
        await IngestAsync("first.csv", rows.Take(firstBatch));
        var before = WarehouseSnapshot.Of(database);
        var second = temp.Combine("second.csv");
        File.WriteAllLines(second, rows.Skip(firstBatch).Prepend(header));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ingest.IngestFileAsync(second, new IngestOptions
        {
            ModelBuilt = (model, _) =>
            {
                if (model == failingModel)
                    throw new InvalidOperationException($"{model} failed on purpose");
            },
        }, default));

        Assert.Contains("failed on purpose", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, WarehouseSnapshot.Of(database));
        Assert.Empty(Directory.EnumerateFiles(BatchManifest.Folder(data), "*.pending"));
        var again = await ingest.IngestFileAsync(second, new IngestOptions(), default);
        Assert.Equal("loaded", again.Status);
    }

    [Theory]
    [InlineData("ingest")]
    [InlineData("setup")]
    public async Task ABatchWhoseProcessDiedBetweenItsCommits_IsTakenOutOfCore(string recoverer)
    {
        await IngestAsync("first.csv", rows.Take(600));
        var before = WarehouseSnapshot.Of(database);
        // What a process killed during the models leaves: the batch's lake files in the core views, marked in
        // flight, and a staged model.
        using (var connection = database.OpenConnection())
        {
            foreach (var table in new[] { "abstracts", "diagnoses" })
            {
                var folder = Directory.EnumerateDirectories(Path.Combine(data.LakeDirectory, table), "fiscal_year=*").First();
                var source = Directory.EnumerateFiles(folder, "batch-*.parquet").First();
                connection.Execute(
                    $"copy (select * replace ('dead' as batch_id) from read_parquet('{source}') limit 50) to '{Path.Combine(folder, "batch-dead.parquet")}' (format parquet)");
            }
            connection.Execute("insert into meta.batches_in_flight (batch_id, started_at, batch_seq) values ('dead', now(), 2)");
            CoreViews.Refresh(connection, data);
            Assert.Equal(50, connection.Scalar<long>("select count(*) from core.abstract_versions where batch_id = 'dead'"));
            connection.Execute("create table marts.fct_abstracts__next as select * from marts.fct_abstracts");
        }

        if (recoverer == "ingest")
            new BatchLoader(database).RecoverInterrupted();
        else
            WarehouseSetup.Initialize(database);

        Assert.Equal(before, WarehouseSnapshot.Of(database));
    }

    private async Task IngestAsync(string name, IEnumerable<string> lines, IngestOptions? options = null)
    {
        var path = temp.Combine(name);
        File.WriteAllLines(path, lines.Prepend(header));
        var summary = await ingest.IngestFileAsync(path, options ?? new IngestOptions(), default);
        Assert.Equal("loaded", summary.Status);
    }

    // What a reader of the warehouse sees of its batches.
    private List<string> Counts()
    {
        using var connection = database.OpenConnection();
        return
        [
            $"abstracts: {connection.Scalar<long>("select count(*) from marts.fct_abstracts")}",
            $"diagnoses: {connection.Scalar<long>("select count(*) from marts.fct_diagnoses")}",
            $"batches: {connection.Scalar<long>("select count(*) from meta.batches")}",
            $"quarantined: {connection.Scalar<long>("select count(*) from meta.quarantine")}",
            $"submissions: {connection.Scalar<long>("select count(*) from marts.sum_submissions_by_batch")}",
            $"facilities: {FacilitySubmissions.List(database).Sum(f => f.Abstracts)}",
        ];
    }

    // Staged models and batches in flight left behind.
    private long Unpublished()
    {
        using var connection = database.OpenConnection();
        return connection.Scalar<long>("select count(*) from information_schema.tables where suffix(table_name, '__next')")
            + connection.Scalar<long>("select count(*) from meta.batches_in_flight");
    }
}
