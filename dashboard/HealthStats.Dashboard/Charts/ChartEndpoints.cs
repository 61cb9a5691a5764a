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

        var content = catalog.Make(chart, context);
        var width = Side(context.Request.Query["width"], content.Width);
        var height = Side(context.Request.Query["height"], content.Height);
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{file}\"";
        return format switch
        {
            "svg" => Results.Text(content.Plot.GetSvgXml(width, height), "image/svg+xml; charset=utf-8"),
            "png" => Results.Bytes(content.Plot.GetImageBytes(width, height, ImageFormat.Png), "image/png"),
            _ => Results.Text(content.Data.ToCsv(), "text/csv; charset=utf-8"),
        };
    }

    // A size asked for in the query (for a larger PNG, say), within bounds; the chart's own otherwise.
    private static int Side(string? asked, int standard) =>
        int.TryParse(asked, out var side) ? Math.Clamp(side, MinimumSide, MaximumSide) : standard;
}
