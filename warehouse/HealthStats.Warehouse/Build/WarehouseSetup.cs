using HealthStats.Warehouse.Classification;
using HealthStats.Warehouse.Reference;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Warehouse.Build;

/// <summary>Brings a data directory's warehouse to a usable state: schema, code lists, starter classification, marts.</summary>
public static class WarehouseSetup
{
    public static void Initialize(WarehouseDatabase database)
    {
        database.Initialize();
        new ClassificationStore(database).EnsureStarter();
        using var connection = database.OpenConnection();
        CodeLists.Load(connection);
        var martsExist = connection.Scalar<long>(
            "select count(*) from information_schema.tables where table_schema = 'marts' and table_name = 'fct_abstracts'") > 0;
        if (!martsExist)
            MartBuild.Run(connection);
    }

    /// <summary>Rebuilds the marts, for example after a classification import changed titles.</summary>
    public static void RebuildMarts(WarehouseDatabase database)
    {
        using var connection = database.OpenConnection();
        using var transaction = connection.BeginTransaction();
        MartBuild.Run(connection);
        transaction.Commit();
    }
}
