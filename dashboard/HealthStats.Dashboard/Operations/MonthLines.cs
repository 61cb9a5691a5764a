using System.Globalization;
using HealthStats.Dashboard.Charts;
using ScottPlot;

namespace HealthStats.Dashboard.Operations;

/// <summary>
/// Lines over months (yyyy-MM), one per series: the largest series by total in the palette's colours with
/// a legend entry each, the rest thin and grey under one entry, since more than eight colours cannot be told apart.
/// </summary>
public static class MonthLines
{
    private const int Named = 8;

    public static void Add(Plot plot, IReadOnlyList<(string Series, string Month, double Value)> points, string otherLabel)
    {
        var series = points.GroupBy(p => p.Series)
            .Select(g => (Name: g.Key, Total: g.Sum(p => p.Value), Points: g.OrderBy(p => p.Month, StringComparer.Ordinal).ToList()))
            .ToList();
        var named = series.OrderByDescending(s => s.Total).ThenBy(s => s.Name, StringComparer.Ordinal).Take(Named)
            .Select(s => s.Name).Order(StringComparer.Ordinal).ToList();
        // The grey ones first, so that the coloured lines are drawn over them.
        foreach (var s in series.Where(s => !named.Contains(s.Name)))
        {
            var line = plot.Add.Scatter(s.Points.Select(p => X(p.Month)).ToArray(), s.Points.Select(p => p.Value).ToArray(), ChartStyle.Other);
            line.LineWidth = 1;
            line.MarkerSize = 0;
        }
        for (var i = 0; i < named.Count; i++)
        {
            var s = series.First(x => x.Name == named[i]);
            var line = plot.Add.Scatter(s.Points.Select(p => X(p.Month)).ToArray(), s.Points.Select(p => p.Value).ToArray(), ChartStyle.Colour(i));
            line.LineWidth = 2;
            line.MarkerSize = 4;
            line.LegendText = s.Name;
        }
        if (series.Count > named.Count)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = otherLabel, LineColor = ChartStyle.Other, LineWidth = 1 });
        plot.ShowLegend(Edge.Right);
        var axis = plot.Axes.DateTimeTicksBottom();
        if (axis.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic automatic)
            automatic.LabelFormatter = date => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        // From zero, so that a change of a day in a median of seven does not look like a collapse.
        plot.Axes.AutoScale();
        plot.Axes.SetLimitsY(0, points.Max(p => p.Value) * 1.08 + 1);
    }

    // The middle of the month, so that a point sits within its month on the date axis.
    private static double X(string month) =>
        DateTime.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(14).ToOADate();
}
