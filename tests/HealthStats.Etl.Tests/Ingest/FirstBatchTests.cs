using HealthStats.Etl.Deidentification;
using HealthStats.Etl.Ingest;
using HealthStats.TestSupport;
using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Tests.Ingest;

/// <summary>
/// The first batch of a warehouse takes its versions as the current abstracts without looking for newer
/// ones (StagedBuild.SqlOf); these check that the shortcut gives what the full model gives.
/// </summary>
public sealed class FirstBatchTests : IDisposable
{
    private readonly TempDirectory temp = new("first-batch");

    public void Dispose() => temp.Dispose();

    private (WarehouseDatabase Database, IngestService Ingest) NewWarehouse()
    {
        var data = new DataDirectory(temp.Combine("data"));
        var database = new WarehouseDatabase(data);
        WarehouseSetup.Initialize(database);
        return (database, new IngestService(database, new Pseudonymiser(HmacKeyStore.LoadOrCreate(data))));
    }

    [Fact]
    public async Task FirstBatch_WithADuplicateKeyAndADeletion_HasTheCurrentAbstractsOfTheFullModel()
    {
        var (database, ingest) = NewWarehouse();
        var file = new AbstractFileBuilder()
            .Add("F001", "A1", mrdx: "J18.9")
            .Add("F001", "A2")
            .Add("F001", "A1", mrdx: "I21.0") // the same key again in the file: quarantined, not a newer version
            .AddRaw("F009,X2,D,,,,,,,,,,,,,,,,,,,,,,,") // deletes a key the warehouse does not hold
            .Write(temp.Combine("first.csv"));

        var summary = await ingest.IngestFileAsync(file, new IngestOptions(), default);

        Assert.Equal(3, summary.Loaded);
        Assert.Equal(1, summary.Quarantined);
        using var connection = database.OpenConnection();
        Assert.Equal("J189", connection.Scalar<string>("select mrdx_code from marts.fct_abstracts where abstract_id = 'A1'"));
        Assert.Equal(2, connection.Scalar<long>("select count(*) from marts.fct_abstracts"));
        // The published intermediate model is a view over its full SQL: the marts must hold exactly its rows.
        Assert.Equal(0, connection.Scalar<long>(
            "select count(*) from (select facility_id, abstract_id, batch_id, source_line from marts.fct_abstracts " +
            "except all select facility_id, abstract_id, batch_id, source_line from intermediate.int_abstracts_current)"));
        Assert.Empty(DataTests.Run(connection));
    }

    [Fact]
    public async Task DataTest_FindsAnAbstractThatIsNotTheCurrentVersion()
    {
        var (database, ingest) = NewWarehouse();
        await ingest.IngestFileAsync(new AbstractFileBuilder().Add("F001", "A1").Write(temp.Combine("a.csv")), new IngestOptions(), default);
        using var connection = database.OpenConnection();
        connection.Execute("update marts.fct_abstracts set source_line = source_line + 100");

        var failures = DataTests.Run(connection);

        var failure = Assert.Single(failures, f => f.Test == "abstracts_are_the_current_versions");
        Assert.Equal(2, failure.Rows);
    }
}
