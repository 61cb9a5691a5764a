using HealthStats.Dashboard.Hosting;
using HealthStats.Warehouse.Indicators;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Dashboard.Rates;

/// <summary>
/// One rate indicator's rows for the page, or why there are none: an indicator refuses a request it
/// cannot answer (a standard or a region not imported, populations without both sexes) with a message
/// that names what to import, which the page shows in place of the table.
/// </summary>
public sealed record RateTable(Indicator Indicator, IReadOnlyList<IndicatorRow> Rows, string? Problem)
{
    public static RateTable Compute(CachedIndicators indicators, RateQuery query, string indicatorId, bool bySeries, params string[] moreBy)
    {
        var indicator = IndicatorLibrary.Find(indicatorId);
        try
        {
            return new RateTable(indicator, query.Compute(indicators, indicatorId, bySeries, moreBy), null);
        }
        catch (IndicatorRequestException ex)
        {
            return new RateTable(indicator, [], ex.Message);
        }
    }
}
