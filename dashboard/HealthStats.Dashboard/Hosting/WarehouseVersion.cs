using HealthStats.Warehouse.Storage;

namespace HealthStats.Dashboard.Hosting;

/// <summary>
/// A stamp that changes whenever what the dashboard shows may have: batches commit with their marts in
/// one transaction (so the batches' count and last commit time change with every load), the model
/// recipe changes with a release that builds the models differently, and each reference import
/// (classifications, addenda, CCSR, code lists, populations, standards) records when it was made.
/// Whatever the dashboard caches is keyed by it. It is read once per request (some 10 to 15 ms at 10
/// million abstracts, asked by every answer a page looks up), so a page is also drawn from one version.
/// </summary>
public sealed class WarehouseVersion(WarehouseDatabase database, IHttpContextAccessor requests)
{
    private static readonly object RequestKey = new();

    private const string Query = """
        select concat_ws('/',
            (select count(*) || '@' || coalesce(cast(max(completed_at) as varchar), '') from meta.batches),
            (select max(recipe_sha256) from meta.model_recipe),
            (select count(*) || '@' || coalesce(cast(max(imported_at) as varchar), '') from reference.classification_versions),
            (select count(*) || '@' || coalesce(cast(max(imported_at) as varchar), '') from reference.classification_addenda_imports),
            (select count(*) || '@' || coalesce(cast(max(imported_at) as varchar), '') from reference.ccsr_versions),
            (select count(*) from reference.code_lists),
            (select count(*) || '@' || coalesce(cast(max(imported_at) as varchar), '') from reference.populations),
            (select count(*) || '@' || coalesce(cast(max(imported_at) as varchar), '') from reference.standard_populations))
        """;

    public string Current()
    {
        var items = requests.HttpContext?.Items;
        if (items?.TryGetValue(RequestKey, out var held) == true && held is string version)
            return version;
        var current = Read();
        if (items is not null)
            items[RequestKey] = current;
        return current;
    }

    private string Read()
    {
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = Query;
        return (string)command.ExecuteScalar()!;
    }
}
