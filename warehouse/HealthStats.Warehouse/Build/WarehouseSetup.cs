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
        using var gate = WriteGate.Enter(database.DataDirectory);
        using var connection = database.OpenConnection();
        CodeLists.Load(connection);
        // Rows of a batch whose process died before publishing it must not reach the models built here.
        BatchesInFlight.Recover(connection, database.DataDirectory);
        // The lake as it is now: a warehouse of an older release had core tables, a moved or restored one other paths.
        CoreViews.RefreshAlone(connection, database.DataDirectory);
        // Published in one transaction: a reader never sees some models of the new recipe and not others.
        if (!MartBuild.AllCurrent(connection))
            StagedBuild.Run(connection);
    }

    /// <summary>Rebuilds every model, for example after a classification or CCSR import changed what they join.</summary>
    public static void RebuildMarts(WarehouseDatabase database)
    {
        using var gate = WriteGate.Enter(database.DataDirectory);
        using var connection = database.OpenConnection();
        BatchesInFlight.Recover(connection, database.DataDirectory);
        StagedBuild.Run(connection);
    }
}
