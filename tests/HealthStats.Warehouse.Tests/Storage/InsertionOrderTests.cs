using HealthStats.TestSupport;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Warehouse.Tests.Storage;

public sealed class InsertionOrderTests : IDisposable
{
    private readonly TempDirectory temp = new("order");
    private readonly WarehouseDatabase database;

    public InsertionOrderTests()
    {
        database = new WarehouseDatabase(new DataDirectory(temp.Combine("data")));
        database.DataDirectory.EnsureCreated();
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Relaxed_HoldsForItsSpan_ThenRestoresTheOrder_ForEveryConnection()
    {
        using var writer = database.OpenConnection();
        using var reader = database.OpenConnection();

        using (InsertionOrder.Relaxed(writer))
            Assert.False(Preserved(reader));

        Assert.True(Preserved(reader));
    }

    [Fact]
    public void Relaxed_LeavesARelaxedOrderRelaxed_WhenNested()
    {
        using var connection = database.OpenConnection();

        using (InsertionOrder.Relaxed(connection))
        {
            using (InsertionOrder.Relaxed(connection))
                Assert.False(Preserved(connection));
            Assert.False(Preserved(connection));
        }

        Assert.True(Preserved(connection));
    }

    private static bool Preserved(DuckDB.NET.Data.DuckDBConnection connection) =>
        connection.Scalar<bool>("select current_setting('preserve_insertion_order')");
}
