using HealthStats.Dashboard.Hosting;
using HealthStats.Warehouse.Indicators;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Dashboard.Figures;

/// <summary>
/// Indicator results kept until the marts change (a batch commits or the models are rebuilt). The
/// facilities and operations pages need medians and quantiles, which scan marts.fct_abstracts (at a
/// million abstracts some 100 to 300 ms each), and a page asks for the same ones as its charts, whose
/// downloads ask again. Not for population rates: importing populations does not change the stamp.
/// </summary>
public sealed class IndicatorCache(WarehouseDatabase database)
{
    // Filter combinations are many; past this many results the cache starts afresh rather than grow.
    private const int MaxResults = 500;

    private readonly Lock gate = new();
    private readonly Dictionary<string, IndicatorResult> results = new(StringComparer.Ordinal);
    private string stamp = "";

    public IndicatorResult Compute(string indicatorId, IndicatorRequest request)
    {
        var current = WarehouseStamp.Of(database);
        var key = Key(indicatorId, request);
        lock (gate)
        {
            if (stamp != current)
            {
                results.Clear();
                stamp = current;
            }
            if (results.TryGetValue(key, out var hit))
                return hit;
        }
        var result = IndicatorLibrary.Compute(database, indicatorId, request);
        lock (gate)
        {
            if (stamp == current)
            {
                if (results.Count >= MaxResults)
                    results.Clear();
                results[key] = result;
            }
        }
        return result;
    }

    private static string Key(string indicatorId, IndicatorRequest request) =>
        string.Join('\u001f',
            indicatorId, string.Join(',', request.By),
            string.Join('\u001e', request.Where.Select(w => w.Key + "=" + w.Value)),
            request.Top?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", request.Standard ?? "", request.RequireKnownValues ? "1" : "0");
}
