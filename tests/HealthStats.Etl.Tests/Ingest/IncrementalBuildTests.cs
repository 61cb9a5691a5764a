using HealthStats.Etl.Deidentification;
using HealthStats.Etl.Generation;
using HealthStats.Etl.Ingest;
using HealthStats.TestSupport;
using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Tests.Ingest;

/// <summary>
/// Each batch updates the models for the patients it touched only: after a stream of small batches
/// (new stays, resubmissions that move a stay to another patient, deletions), the models must equal
/// a full build of the same data, table for table.
/// </summary>
public sealed class IncrementalBuildTests : IDisposable
{
    private readonly TempDirectory temp = new("incremental");
    private readonly DataDirectory data;
    private readonly WarehouseDatabase database;
    private readonly IngestService ingest;

    public IncrementalBuildTests()
    {
        data = new DataDirectory(temp.Combine("data"));
        database = new WarehouseDatabase(data);
        WarehouseSetup.Initialize(database);
        ingest = new IngestService(database, new Pseudonymiser(HmacKeyStore.LoadOrCreate(data)));
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task SmallBatches_LeaveTheModelsAsAFullBuildWould()
    {
        var (header, rows) = Generated(3000);
        // The first two thirds as one batch (a full build), then the rest in batches of 100: a patient's
        // later stays (readmissions, transfers) arrive in another batch than the first.
        await IngestAsync("first.csv", header, rows.Take(2000));
        var batch = 0;
        foreach (var chunk in rows.Skip(2000).Chunk(100))
            await IngestAsync($"next-{batch++}.csv", header, chunk);
        // Resubmissions: the same stays under another health card (another patient), and with another MRDx.
        await IngestAsync("moved.csv", header, rows.Take(40).Select(r => WithField(header, r, "health_card_number", "MOVED-" + Field(header, r, "abstract_id"))));
        await IngestAsync("recoded.csv", header, rows.Skip(2100).Take(30).Select(r => WithField(header, r, "dx_1_code", "I10")));
        await IngestAsync("deleted.csv", header, rows.Skip(2500).Take(25).Select(r => Deletion(header, r)));

        AssertAsAFullBuildWould("the small batches");
    }

    [Fact]
    public async Task TryUpdate_UpdatesOnlyTheScope_AndTwiceChangesNothing()
    {
        var (header, rows) = Generated(1200);
        await IngestAsync("first.csv", header, rows.Take(1100));
        var last = await IngestAsync("last.csv", header, rows.Skip(1100));
        var before = WarehouseSnapshot.Of(database);

        bool incremental;
        using (var connection = database.OpenConnection())
        {
            using var transaction = connection.BeginTransaction();
            incremental = IncrementalBuild.TryUpdate(connection, last.BatchId);
            transaction.Commit();
        }

        Assert.True(incremental);
        Assert.Equal(before, WarehouseSnapshot.Of(database));
    }

    [Fact]
    public async Task TryUpdate_LeavesAFullBuild_WhenTheBatchTouchesMuchOfTheWarehouse()
    {
        var (header, rows) = Generated(400);
        await IngestAsync("first.csv", header, rows.Take(200));
        var second = await IngestAsync("second.csv", header, rows.Skip(200));

        using var connection = database.OpenConnection();
        Assert.False(IncrementalBuild.TryUpdate(connection, second.BatchId));
    }

    [Fact]
    public async Task TryUpdate_LeavesAFullBuild_WhenAnotherRecipeBuiltTheModels()
    {
        var (header, rows) = Generated(1200);
        await IngestAsync("first.csv", header, rows.Take(1100));
        var last = await IngestAsync("last.csv", header, rows.Skip(1100));
        using var connection = database.OpenConnection();
        // As an older release left the models: a small batch can no longer be added to them by name.
        connection.Execute("update meta.model_recipe set recipe_sha256 = 'an older recipe'");

        Assert.False(IncrementalBuild.TryUpdate(connection, last.BatchId));
        Assert.False(MartBuild.AllCurrent(connection)); // left for the full build, untouched
    }

    [Fact]
    public async Task TryUpdate_RecomputesOnlyTheMonthsTheBatchTouched()
    {
        var (header, rows) = Generated(1200);
        await IngestAsync("first.csv", header, rows.Take(1100));
        // Marks every row of a summary: a row the next batch recomputes loses the mark.
        using (var connection = database.OpenConnection())
            connection.Execute("update marts.sum_stays_by_los set stays = stays + 1000");

        var last = await IngestAsync("last.csv", header, rows.Skip(1100).Take(3));

        using (var connection = database.OpenConnection())
        {
            var lastMonths = connection.Scalar<long>(
                "select count(distinct discharge_month) from marts.fct_abstracts where batch_id = $1", last.BatchId);
            var recomputedOfLast = connection.Scalar<long>(
                "select count(distinct s.discharge_month) from marts.sum_stays_by_los s " +
                "where s.stays < 1000 and s.discharge_month in (select discharge_month from marts.fct_abstracts where batch_id = $1)", last.BatchId);
            Assert.True(lastMonths > 0);
            Assert.Equal(lastMonths, recomputedOfLast);
            Assert.True(connection.Scalar<long>("select count(*) from marts.sum_stays_by_los where stays >= 1000") > 0,
                "every month was recomputed: the summary was rebuilt whole");
        }
    }

    [Fact]
    public async Task TryUpdate_RecomputesTheMonthOfAStayThatLeft()
    {
        var (header, rows) = Generated(1200);
        var first = rows.Take(1100).ToList();
        await IngestAsync("first.csv", header, first);
        // A loaded stay whose patient has no other: deleting it leaves no abstract in the batch's scope, and
        // only the summaries' rows from before the batch say which month lost it.
        string alone;
        using (var connection = database.OpenConnection())
        {
            alone = first.GroupBy(r => Field(header, r, "health_card_number")).Where(g => g.Count() == 1).Select(g => g.Single())
                .First(r => connection.Scalar<long>("select count(*) from marts.fct_abstracts where facility_id = $1 and abstract_id = $2",
                    Field(header, r, "facility_id"), Field(header, r, "abstract_id")) == 1);
        }

        var deleted = await IngestAsync("deleted.csv", header, [Deletion(header, alone)]);
        Assert.Equal(1, deleted.Deleted);
        AssertAsAFullBuildWould("the deletion");
    }

    [Fact]
    public async Task TryUpdate_RecomputesTheMonthOfAnIndexStayWhoseReadmissionLeft()
    {
        var (header, rows) = Generated(1200);
        var first = rows.Take(1100).ToList();
        await IngestAsync("first.csv", header, first);
        // A readmission in another month than its index stay, alone in its episode and not the newest discharge:
        // deleting it changes the index stay's month only through the readmissions fact.
        string? readmission;
        using (var connection = database.OpenConnection())
        {
            readmission = connection.Scalar<string>(
                """
                select r.readmission_episode_id
                from marts.fct_readmissions r
                join marts.fct_abstracts a on a.facility_id || '/' || a.abstract_id = r.readmission_episode_id
                where r.is_readmitted and a.stays_in_episode = 1 and a.discharge_month <> r.discharge_month
                  and a.discharge_date < (select max(discharge_date) from marts.fct_abstracts)
                order by 1
                limit 1
                """);
        }
        Assert.NotNull(readmission);
        var stay = first.Single(r => $"{Field(header, r, "facility_id")}/{Field(header, r, "abstract_id")}" == readmission);

        var deleted = await IngestAsync("deleted.csv", header, [Deletion(header, stay)]);
        Assert.Equal(1, deleted.Deleted);
        AssertAsAFullBuildWould("the deletion");
    }

    [Fact]
    public void EveryModel_SaysHowItFollowsABatch()
    {
        foreach (var model in MartBuild.Models)
            IncrementalBuild.RefreshOf(model); // throws for a model left out
        Assert.Equal(
            MartBuild.Models.Where(m => IncrementalBuild.RefreshOf(m) == IncrementalBuild.Refresh.Sliced).Order(StringComparer.Ordinal),
            SummarySlices.Columns.Keys.Order(StringComparer.Ordinal));
    }

    // The models as the batches left them must equal a full build of the same data, table for table.
    private void AssertAsAFullBuildWould(string after)
    {
        var incremental = WarehouseSnapshot.Of(database);
        using (var connection = database.OpenConnection())
            StagedBuild.Run(connection);

        var full = WarehouseSnapshot.Of(database);
        Assert.Equal(full.Keys.Order(StringComparer.Ordinal), incremental.Keys.Order(StringComparer.Ordinal));
        foreach (var (table, rowsOfTable) in full)
            Assert.True(rowsOfTable == incremental[table], $"{table} after {after} differs from a full build");
    }

    private (string Header, List<string> Rows) Generated(int abstracts)
    {
        var folder = temp.Combine("gen");
        AbstractGenerator.Generate(new GeneratorOptions(abstracts, 11, ErrorRate: 0.02), folder);
        var lines = File.ReadAllLines(Path.Combine(folder, AbstractGenerator.AbstractsFileName));
        return (lines[0], lines.Skip(1).ToList());
    }

    private async Task<IngestSummary> IngestAsync(string name, string header, IEnumerable<string> rows)
    {
        var path = temp.Combine(name);
        File.WriteAllLines(path, rows.Prepend(header));
        var summary = await ingest.IngestFileAsync(path, new IngestOptions(), default);
        Assert.Equal(summary.Received, summary.Loaded + summary.Quarantined);
        return summary;
    }

    private static string Field(string header, string row, string column) =>
        row.Split(',')[Array.IndexOf(header.Split(','), column)];

    private static string WithField(string header, string row, string column, string value)
    {
        var fields = row.Split(',');
        fields[Array.IndexOf(header.Split(','), column)] = value;
        return string.Join(',', fields);
    }

    private static string Deletion(string header, string row)
    {
        var fields = new string[header.Split(',').Length];
        Array.Fill(fields, "");
        fields[0] = Field(header, row, "facility_id");
        fields[1] = Field(header, row, "abstract_id");
        fields[2] = "D";
        return string.Join(',', fields);
    }
}
