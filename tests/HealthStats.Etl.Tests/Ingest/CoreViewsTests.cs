using HealthStats.Etl.Deidentification;
using HealthStats.Etl.Ingest;
using HealthStats.TestSupport;
using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Tests.Ingest;

/// <summary>The core views read the lake where it is: after a move, and in a warehouse of a release that copied it into tables.</summary>
public sealed class CoreViewsTests : IDisposable
{
    private readonly TempDirectory temp = new("core-views");

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task AMovedDataDirectory_StillReadsItsLake()
    {
        var data = new DataDirectory(temp.Combine("before"));
        await IngestAsync(data);
        var before = WarehouseSnapshot.Of(new WarehouseDatabase(data));

        var moved = new DataDirectory(temp.Combine("after"));
        Directory.Move(data.Root, moved.Root);

        // Read without any setup step: the views name the lake's files relative to the data directory.
        Assert.Equal(before, WarehouseSnapshot.Of(new WarehouseDatabase(moved)));
        using var connection = new WarehouseDatabase(moved).OpenConnection();
        Assert.Equal(3, connection.Scalar<long>("select count(*) from core.abstract_versions"));
    }

    [Fact]
    public async Task AWarehouseWithCoreTables_GetsViewsOverTheSameRows()
    {
        var data = new DataDirectory(temp.Combine("data"));
        await IngestAsync(data);
        var database = new WarehouseDatabase(data);
        var before = WarehouseSnapshot.Of(database);
        // What an older release kept: the landed versions copied into tables.
        using (var connection = database.OpenConnection())
        {
            foreach (var table in new[] { "abstract_versions", "diagnosis_versions", "intervention_versions", "warning_versions", "deletions" })
            {
                connection.Execute($"create table core.{table}__copy as select * from core.{table}");
                connection.Execute($"drop view core.{table}");
                connection.Execute($"alter table core.{table}__copy rename to {table}");
            }
            Assert.Equal("BASE TABLE", connection.Scalar<string>(
                "select table_type from information_schema.tables where table_schema = 'core' and table_name = 'abstract_versions'"));
        }

        WarehouseSetup.Initialize(database);

        using (var connection = database.OpenConnection())
        {
            Assert.Equal(0, connection.Scalar<long>(
                "select count(*) from information_schema.tables where table_schema = 'core' and table_type = 'BASE TABLE' and table_name not like '%\\_shape' escape '\\'"));
        }
        Assert.Equal(before, WarehouseSnapshot.Of(database));
    }

    private async Task IngestAsync(DataDirectory data)
    {
        var database = new WarehouseDatabase(data);
        WarehouseSetup.Initialize(database);
        var file = new AbstractFileBuilder()
            .Add("F001", "A1").Add("F001", "A2", px: "0DTJ4ZZ", pxDate: "2024-05-02").Add("F002", "B1")
            .Write(temp.Combine($"{Path.GetFileName(data.Root)}.csv"));
        var summary = await new IngestService(database, new Pseudonymiser(HmacKeyStore.LoadOrCreate(data)))
            .IngestFileAsync(file, new IngestOptions(), default);
        Assert.Equal(3, summary.Loaded);
    }
}
