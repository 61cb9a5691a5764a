using HealthStats.Warehouse.Storage;

namespace HealthStats.Dashboard.Hosting;

/// <summary>
/// A stamp that changes whenever the marts may have: batches commit with their marts in one transaction,
/// so the batches' count and last commit time change with every load, and the model recipe with every
/// release that builds the models differently. Whatever the dashboard caches is keyed by it.
/// </summary>
public sealed class WarehouseVersion(WarehouseDatabase database)
{
    public string Current()
    {
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText =
            "select count(*) || '/' || coalesce(cast(max(completed_at) as varchar), '') || '/' || " +
            "coalesce((select max(recipe_sha256) from meta.model_recipe), '') from meta.batches";
        return (string)command.ExecuteScalar()!;
    }
}
