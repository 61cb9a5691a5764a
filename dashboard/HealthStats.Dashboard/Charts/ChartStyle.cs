using ScottPlot;

namespace HealthStats.Dashboard.Charts;

/// <summary>What every chart shares: the sans font set explicitly (ScottPlot's default resolves to a serif here) and a palette that stays distinct in greyscale.</summary>
public static class ChartStyle
{
    public const string Font = "DejaVu Sans";

    // Colour-blind-safe (Okabe-Ito) ordered so that neighbours differ in lightness, and so stay apart in greyscale.
    public static readonly IReadOnlyList<Color> Palette =
    [
        Color.FromHex("#0072B2"), Color.FromHex("#E69F00"), Color.FromHex("#009E73"), Color.FromHex("#CC79A7"),
        Color.FromHex("#56B4E9"), Color.FromHex("#D55E00"), Color.FromHex("#F0E442"), Color.FromHex("#000000"),
    ];

    public static readonly Color Other = Color.FromHex("#BBBBBB");

    public static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(Font);
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.Axes.Title.Label.FontSize = 16;
        plot.Axes.Bottom.Label.FontSize = 14;
        plot.Axes.Left.Label.FontSize = 14;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 12;
        plot.Axes.Left.TickLabelStyle.FontSize = 12;
        return plot;
    }

    public static Color Colour(int index) => Palette[index % Palette.Count];

    /// <summary>A title cut to fit a legend or a tick label.</summary>
    public static string Shorten(string title, int length = 42) => title.Length <= length ? title : title[..(length - 2)] + "…";
}
