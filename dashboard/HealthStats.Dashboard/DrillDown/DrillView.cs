using HealthStats.Dashboard.Charts;
using HealthStats.Dashboard.Filters;
using HealthStats.Dashboard.Hosting;

namespace HealthStats.Dashboard.DrillDown;

/// <summary>
/// What a drill-down page shows (Pages/Shared/_DrillDown.cshtml): the trail of codes chosen, the chart and
/// the table of the level beneath them, and the links that move up and down, each carrying the page's
/// filters and view so that a drill keeps what the user narrowed it to.
/// </summary>
public sealed record DrillView(string PagePath, DashboardFilter Filter, DrillPosition Position, IReadOnlyList<ChosenCode> Trail, DrillCounts Counts, ChartView Chart)
{
    public static DrillView Load(CachedIndicators indicators, string pagePath, CodeHierarchy hierarchy, HttpContext context, FilterChoices choices, ChartView chart)
    {
        var filter = DashboardFilter.FromQuery(context.Request.Query);
        var query = context.Request.Query;
        var position = DrillPosition.From(hierarchy, name => string.IsNullOrWhiteSpace(query[name]) ? null : query[name].ToString().Trim());
        return new DrillView(pagePath, filter, position, DrillCounts.Titled(indicators, position), DrillCounts.Compute(indicators, position, filter, choices), chart);
    }

    /// <summary>The top of the hierarchy: every code of the broadest level.</summary>
    public string TopHref => Href(Position.QueryFor([]));

    /// <summary>The trail's code at this depth (0 is the broadest), shown with the levels beneath it.</summary>
    public string TrailHref(int depth) => Href(Position.QueryFor(Trail.Take(depth + 1)));

    /// <summary>One level down, into a row's code.</summary>
    public string IntoHref(string code) => Href(Position.QueryInto(code));

    private string Href(params (string Key, string? Value)[] pageParameters) => PagePath + Filter.QueryString(pageParameters);
}
