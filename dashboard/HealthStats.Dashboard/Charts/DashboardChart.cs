namespace HealthStats.Dashboard.Charts;

/// <summary>
/// A chart of the dashboard, defined once for the page that shows it and for its downloads
/// (/charts/ID.svg, .png and .csv, with the page's query string): the same query, plot and data.
/// </summary>
public abstract class DashboardChart
{
    /// <summary>The chart's id: its section's HTML id and the name of its downloads.</summary>
    public abstract string Id { get; }

    /// <summary>The roles that may see it, as PageRoles gives them: those of the page that shows it.</summary>
    public abstract string Roles { get; }

    /// <summary>The plot and the data it draws, for the filters and parameters of the request.</summary>
    public abstract ChartContent Make(ChartRequest request);
}
