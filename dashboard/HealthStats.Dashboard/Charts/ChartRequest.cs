using HealthStats.Dashboard.Filters;
using HealthStats.Dashboard.Hosting;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Dashboard.Charts;

/// <summary>What a chart is drawn for: the warehouse (and the indicator library, through the dashboard's cache), the dashboard's filters and the request's own parameters (a drill-down level, say).</summary>
public sealed record ChartRequest(WarehouseDatabase Database, CachedIndicators Indicators, DashboardFilter Filter, FilterChoices Choices, IQueryCollection Query)
{
    public string? Parameter(string name) => string.IsNullOrWhiteSpace(Query[name]) ? null : Query[name].ToString().Trim();
}
