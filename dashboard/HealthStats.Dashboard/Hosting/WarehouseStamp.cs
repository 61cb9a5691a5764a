using HealthStats.Warehouse.Storage;

namespace HealthStats.Dashboard.Hosting;

/// <summary>
/// A text that changes whenever the marts may have: batches commit with their marts in one transaction, so
/// the batches' count and last commit time change with them, and a model rebuild changes the recipe.
/// Caches of what the marts answer keep their entries while it stays the same.
/// </summary>
public static class WarehouseStamp
{
    public static string Of(WarehouseDatabase database)
    {
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "select count(*) || '/' || coalesce(cast(max(completed_at) as varchar), '') || '/' || coalesce((select max(recipe_sha256) from meta.model_recipe), '') from meta.batches";
        return (string)command.ExecuteScalar()!;
    }
}
