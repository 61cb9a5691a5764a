using HealthStats.Dashboard.Accounts;
using Microsoft.AspNetCore.Authorization;
using ScottPlot;

namespace HealthStats.Dashboard.Charts;

/// <summary>
/// Downloads of every chart: /charts/ID.svg, /charts/ID.png and /charts/ID.csv, drawn for the query
/// string they are given (the page's filters), each only to the roles of the page that shows the chart.
/// </summary>
public static class ChartEndpoints
{
    private const int MinimumSide = 200;
    private const int MaximumSide = 4000;

    public static void MapChartDownloads(this WebApplication app)
    {
        app.MapGet("/charts/{file}", Download).RequireAuthorization(new AuthorizeAttribute { Roles = PageRoles.Everyone });
    }

    private static IResult Download(string file, HttpContext context, ChartCatalog catalog)
    {
        var dot = file.LastIndexOf('.');
        var chart = dot > 0 ? catalog.Find(file[..dot]) : null;
        if (chart is null)
            return Results.NotFound();
        if (!chart.Roles.Split(',').Any(context.User.IsInRole))
            return Results.Forbid();
        var format = file[(dot + 1)..];
        if (format is not ("svg" or "png" or "csv"))
            return Results.NotFound();

        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{file}\"";
        var rendered = catalog.Rendered(chart, context);
        if (format == "csv")
            return Results.Text(rendered.Csv, "text/csv; charset=utf-8");
        var width = Side(context.Request.Query["width"], rendered.Width);
        var height = Side(context.Request.Query["height"], rendered.Height);
        if (format == "svg" && (width, height) == (rendered.Width, rendered.Height))
            return Results.Text(rendered.Svg, "image/svg+xml; charset=utf-8");
        var plot = catalog.Make(chart, context).Plot;
        return format == "svg"
            ? Results.Text(plot.GetSvgXml(width, height), "image/svg+xml; charset=utf-8")
            : Results.Bytes(plot.GetImageBytes(width, height, ImageFormat.Png), "image/png");
    }

    // A size asked for in the query (for a larger PNG, say), within bounds; the chart's own otherwise.
    private static int Side(string? asked, int standard) =>
        int.TryParse(asked, out var side) ? Math.Clamp(side, MinimumSide, MaximumSide) : standard;
}
