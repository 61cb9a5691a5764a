using HealthStats.Warehouse.Classification;
using HealthStats.Warehouse.CodeEdits;
using HealthStats.Warehouse.Reference;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Warehouse.Build;

/// <summary>
/// Brings a data directory's warehouse to a usable state: schema, code lists, starter classification and edit set,
/// and the models, built when any is missing (a new warehouse, or one made by an older release).
/// </summary>
public static class WarehouseSetup
{
    public static void Initialize(WarehouseDatabase database)
    {
        database.Initialize();
        new ClassificationStore(database).EnsureStarter();
        new CodeEditStore(database).EnsureStarter();
        using var connection = database.OpenConnection();
        CodeLists.Load(connection);
        if (!MartBuild.AllCurrent(connection))
        {
            // In a transaction: a reader never sees some models of the new recipe and not others.
            using var transaction = connection.BeginTransaction();
            MartBuild.Run(connection);
            transaction.Commit();
        }
    }

    /// <summary>Rebuilds every model, for example after a classification or CCSR import changed what they join.</summary>
    public static void RebuildMarts(WarehouseDatabase database)
    {
        using var connection = database.OpenConnection();
        using var transaction = connection.BeginTransaction();
        MartBuild.Run(connection);
        transaction.Commit();
    }
}
