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

    // One row per source of change; a union of small aggregates plans in a millisecond or two, where the
    // same as scalar subqueries took over ten.
    private const string Query = """
        select 1 as source, count(*) as n, max(completed_at)::varchar as latest from meta.batches
        union all select 2, count(*), max(recipe_sha256) from meta.model_recipe
        union all select 3, count(*), max(imported_at)::varchar from reference.classification_versions
        union all select 4, count(*), max(imported_at)::varchar from reference.classification_addenda_imports
        union all select 5, count(*), max(imported_at)::varchar from reference.ccsr_versions
        union all select 6, count(*), null from reference.code_lists
        union all select 7, count(*), max(imported_at)::varchar from reference.populations
        union all select 8, count(*), max(imported_at)::varchar from reference.standard_populations
        order by source
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
        using var reader = command.ExecuteReader();
        var parts = new List<string>();
        while (reader.Read())
            parts.Add($"{reader.GetInt64(1)}@{(reader.IsDBNull(2) ? "" : reader.GetString(2))}");
        return string.Join('/', parts);
    }
}
