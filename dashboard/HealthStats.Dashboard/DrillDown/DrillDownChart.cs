using System.Globalization;
using HealthStats.Dashboard.Accounts;
using HealthStats.Dashboard.Charts;
using ScottPlot;

namespace HealthStats.Dashboard.DrillDown;

/// <summary>
/// A drill-down level as horizontal bars, most frequent at the top, each labelled with its code and title:
/// the first codes get their own bar and the rest are pooled into one, because fifty bars of a block's
/// categories cannot be read. The CSV lists every code, as the page's table does.
/// </summary>
public abstract class DrillDownChart : DashboardChart
{
    private const int NamedBars = 15;
    private const int BarHeight = 28;

    public override string Roles => PageRoles.Everyone;

    /// <summary>The hierarchy the request's URL asks for (the page's ?view=).</summary>
    protected abstract CodeHierarchy HierarchyFor(ChartRequest request);

    public override ChartContent Make(ChartRequest request)
    {
        var position = DrillPosition.From(HierarchyFor(request), request.Parameter);
        var counts = DrillCounts.Compute(request.Indicators, position, request.Filter, request.Choices);
        var counted = position.Hierarchy.Counted;
        var table = new ChartTable(
            [position.Shown.Dimension, position.Shown.Dimension + "_title", counted, "share_percent"],
            counts.Rows.Select(r => (IReadOnlyList<object?>)[r.Code, r.Title, r.Value, Math.Round(r.SharePercent, 2)]).ToList());
        var title = Title(position);
        if (counts.Rows.Count == 0)
            return ChartContent.Empty(title, $"No {counted} match the filters.", table);

        // One code left over gets its own bar rather than a pool of one.
        var named = counts.Rows.Count <= NamedBars + 1 ? counts.Rows : counts.Rows.Take(NamedBars).ToList();
        var pooled = counts.Rows.Skip(named.Count).ToList();
        var bars = named.Select(r => (Label: ChartStyle.Shorten($"{position.Shown.Show(r.Code)} {r.Title}".Trim(), 56), r.Value, Colour: ChartStyle.Colour(0))).ToList();
        if (pooled.Count > 0)
            bars.Add(($"{pooled.Count} other {position.Shown.Plural}", pooled.Sum(r => r.Value), ChartStyle.Other));

        var plot = ChartStyle.NewPlot(title, $"{char.ToUpperInvariant(counted[0])}{counted[1..]} (count)", "");
        var barPlot = plot.Add.Bars(bars.Select((b, i) => new Bar
        {
            // The first bar at the top: positions count down.
            Position = bars.Count - 1 - i,
            Value = b.Value,
            FillColor = b.Colour,
            LineWidth = 0,
            Size = 0.7,
            Label = b.Value.ToString("N0", CultureInfo.InvariantCulture),
        }).ToList());
        barPlot.Horizontal = true;
        barPlot.ValueLabelStyle.FontName = ChartStyle.Font;
        barPlot.ValueLabelStyle.FontSize = 12;
        plot.Axes.Left.SetTicks(bars.Select((_, i) => (double)(bars.Count - 1 - i)).ToArray(), bars.Select(b => b.Label).ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Left.TickLabelStyle.FontName = ChartStyle.Font;
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        // Room after the longest bar for its value label.
        plot.Axes.SetLimitsX(0, bars.Max(b => b.Value) * 1.12);
        plot.Axes.SetLimitsY(-0.6, bars.Count - 0.4);
        // Room beyond the plot for the last tick label of the value axis, which would be cut in half.
        plot.Axes.Right.MinimumSize = 40;
        return new ChartContent(plot, table, 1100, 140 + BarHeight * bars.Count);
    }

    /// <summary>"Discharges by most responsible diagnosis: blocks in chapter IX".</summary>
    public static string Title(DrillPosition position) =>
        $"{position.Hierarchy.Subject}: {position.Shown.Plural}" +
        (position.Chosen.Count > 0 ? $" in {position.Chosen[^1].Level.Name} {position.Chosen[^1].Level.Show(position.Chosen[^1].Code)}" : "");
}
