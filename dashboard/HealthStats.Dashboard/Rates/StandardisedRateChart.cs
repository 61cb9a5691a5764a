using System.Globalization;
using HealthStats.Dashboard.Accounts;
using HealthStats.Dashboard.Charts;
using HealthStats.Warehouse.Indicators;
using ScottPlot;

namespace HealthStats.Dashboard.Rates;

/// <summary>
/// The age-standardised hospitalisation rate by year, one line per region or sex when the page asks,
/// with its 95% confidence interval drawn as error bars: a difference whose bars overlap widely may be
/// chance. Series are set a little apart on the year axis so that their bars do not hide each other.
/// </summary>
public sealed class StandardisedRateChart : DashboardChart
{
    private const double Dodge = 0.06;

    public override string Id => "age-standardised-rate";

    public override string Roles => PageRoles.Everyone;

    public override ChartContent Make(ChartRequest request)
    {
        var holdings = PopulationHoldings.Load(request.Database);
        var query = RateQuery.For(request.Filter, request.Query, holdings);
        var title = $"Age-standardised hospitalisation rate per 100,000 ({query.Standard} standard)";
        var seriesColumn = query.Series ?? "series";
        var empty = new ChartTable(["year", seriesColumn, "rate_per_100000", "ci_low", "ci_high", "discharges", "population", "standard"], []);
        if (!holdings.HasPopulations)
            return ChartContent.Empty(title, "No populations are imported: the rates page says how to import them.", empty);
        IReadOnlyList<IndicatorRow> rows;
        try
        {
            rows = query.Compute(request.Indicators, RateQuery.StandardisedId, bySeries: true);
        }
        catch (IndicatorRequestException ex)
        {
            return ChartContent.Empty(title, ChartStyle.Shorten(ex.Message, 110), empty);
        }
        var points = rows.Select(r => new RatePoint(
            int.Parse(r.Dimension("year")!, CultureInfo.InvariantCulture),
            query.Series is { } s ? r.Dimension(s) ?? "" : "all",
            r.Value, r.CiLow, r.CiHigh, r.Numerator, r.Denominator)).ToList();
        var table = empty with
        {
            Rows = points.Select(p => (IReadOnlyList<object?>)[p.Year, p.Series, p.Rate, p.Low, p.High, p.Discharges, p.Population, query.Standard]).ToList(),
        };
        if (points.All(p => p.Rate is null))
            return ChartContent.Empty(title, "No rate can be computed for the filters.", table);
        return new ChartContent(Build(title, query, points), table);
    }

    private static Plot Build(string title, RateQuery query, IReadOnlyList<RatePoint> points)
    {
        var plot = ChartStyle.NewPlot(title, query.YearKind == Warehouse.Reference.YearKind.Fiscal ? "Fiscal year" : "Year", "Discharges per 100,000 residents");
        var series = points.Select(p => p.Series).Distinct().Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < series.Count; i++)
        {
            var drawn = points.Where(p => p.Series == series[i] && p.Rate is not null).OrderBy(p => p.Year).ToList();
            if (drawn.Count == 0)
                continue;
            var offset = (i - (series.Count - 1) / 2.0) * Dodge;
            var xs = drawn.Select(p => p.Year + offset).ToArray();
            var ys = drawn.Select(p => p.Rate!.Value).ToArray();
            var colour = ChartStyle.Colour(i);
            var line = plot.Add.Scatter(xs, ys, colour);
            line.MarkerSize = 8;
            line.LineWidth = 2;
            if (query.Series is not null)
                line.LegendText = $"{query.Series} {series[i]}";
            var bars = plot.Add.ErrorBar(xs, ys, drawn.Select(p => p.Rate!.Value - (p.Low ?? p.Rate!.Value)).ToArray());
            bars.YErrorPositive = drawn.Select(p => (p.High ?? p.Rate!.Value) - p.Rate!.Value).ToArray();
            bars.Color = colour;
            bars.LineWidth = 1.5f;
            bars.CapSize = 6;
        }
        var years = points.Select(p => p.Year).Distinct().Order().ToList();
        plot.Axes.Bottom.SetTicks(years.Select(y => (double)y).ToArray(), years.Select(y => query.YearLabel(y.ToString(CultureInfo.InvariantCulture))).ToArray());
        plot.Axes.SetLimitsX(years[0] - 0.5, years[^1] + 0.5);
        var high = points.Max(p => p.High ?? p.Rate ?? 0);
        plot.Axes.SetLimitsY(0, high * 1.1 + 1);
        if (query.Series is not null)
            plot.ShowLegend(Edge.Right);
        return plot;
    }

    private sealed record RatePoint(int Year, string Series, double? Rate, double? Low, double? High, double? Discharges, double? Population);
}
