using System.Text.Json;
using HealthStats.Warehouse.Indicators;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Dashboard.Hosting;

/// <summary>The indicator library as the dashboard asks it: the same computation, its results kept until the warehouse changes.</summary>
public sealed class CachedIndicators(WarehouseDatabase database, AnswerCache cache)
{
    public IndicatorResult Compute(string indicatorId, IndicatorRequest request) =>
        cache.GetOrAdd($"indicator\u001f{indicatorId}\u001f{JsonSerializer.Serialize(request)}",
            () => IndicatorLibrary.Compute(database, indicatorId, request));
}
