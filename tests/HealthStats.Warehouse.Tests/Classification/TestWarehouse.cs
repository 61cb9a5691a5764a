using HealthStats.TestSupport;
using HealthStats.Warehouse.Classification;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Warehouse.Tests.Classification;

/// <summary>A real, initialised warehouse file in a temporary data directory, with a classification store on it.</summary>
internal sealed class TestWarehouse : IDisposable
{
    private readonly TempDirectory temp = new("cls-store");

    public TestWarehouse()
    {
        Database = new WarehouseDatabase(new DataDirectory(temp.Path));
        Database.Initialize();
        Store = new ClassificationStore(Database);
    }

    public WarehouseDatabase Database { get; }

    public ClassificationStore Store { get; }

    public string Directory => temp.Path;

    public T? Scalar<T>(string sql, params object?[] parameters)
    {
        using var connection = Database.OpenConnection();
        return connection.Scalar<T>(sql, parameters);
    }

    public void Dispose() => temp.Dispose();
}
