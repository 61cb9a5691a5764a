using ScottPlot;

namespace HealthStats.Dashboard.Charts;

/// <summary>A drawn chart: the plot, its size on the page, and the table of what it draws (the CSV download).</summary>
public sealed record ChartContent(Plot Plot, ChartTable Data, int Width = 1100, int Height = 480)
{
    /// <summary>An empty chart with a message where its data would be, for filters that keep nothing.</summary>
    public static ChartContent Empty(string title, string message, ChartTable data)
    {
        var plot = ChartStyle.NewPlot(title, "", "");
        plot.Add.Annotation(message, Alignment.MiddleCenter);
        plot.Axes.Frameless();
        return new ChartContent(plot, data, 1100, 200);
    }
}
