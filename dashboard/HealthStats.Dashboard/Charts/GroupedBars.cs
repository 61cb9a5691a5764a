using ScottPlot;

namespace HealthStats.Dashboard.Charts;

/// <summary>
/// Bars side by side within groups (one group per facility, say, one bar per fiscal year), each series in
/// its palette colour with a legend entry, the groups named on the axis. A missing value leaves a gap,
/// not a zero bar, so that "no figure" does not read as "nothing".
/// </summary>
public static class GroupedBars
{
    public static void Add(Plot plot, IReadOnlyList<string> groups, IReadOnlyList<(string Name, IReadOnlyList<double?> Values)> series)
    {
        var width = 0.8 / Math.Max(1, series.Count);
        var bars = new List<Bar>();
        for (var s = 0; s < series.Count; s++)
        {
            var offset = (s - (series.Count - 1) / 2.0) * width;
            for (var g = 0; g < groups.Count; g++)
            {
                if (series[s].Values[g] is { } value)
                    bars.Add(new Bar { Position = g + offset, Value = value, FillColor = ChartStyle.Colour(s), Size = width * 0.9, LineWidth = 0 });
            }
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, groups.Count).Select(g => (double)g).ToArray(), groups.ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        if (series.Count > 1)
        {
            foreach (var (name, index) in series.Select((s, i) => (s.Name, i)))
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = name, FillColor = ChartStyle.Colour(index) });
            plot.ShowLegend(Edge.Right);
        }
        plot.Axes.Margins(bottom: 0);
    }
}
