using HealthStats.Dashboard.Hosting;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Dashboard.Filters;

/// <summary>
/// The filter bar's choices, read again only after a batch has committed: reading them scans the
/// monthly summary, which at 10 million abstracts costs more than a page should spend on its menus.
/// </summary>
public sealed class FilterChoicesCache(WarehouseDatabase database)
{
    private readonly Lock gate = new();
    private (string Stamp, FilterChoices Choices)? cached;

    public FilterChoices Current()
    {
        var stamp = BatchStamp();
        lock (gate)
        {
            if (cached is { } hit && hit.Stamp == stamp)
                return hit.Choices;
        }
        var choices = FilterChoices.Load(database);
        lock (gate)
            cached = (stamp, choices);
        return choices;
    }

    private string BatchStamp() => WarehouseStamp.Of(database);
}
