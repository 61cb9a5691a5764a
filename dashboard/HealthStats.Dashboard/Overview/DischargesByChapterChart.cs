using ScottPlot;

namespace HealthStats.Dashboard.Overview;

/// <summary>
/// Discharges per month, stacked by the ICD-10 chapter of the most responsible diagnosis. The
/// largest chapters get their own colour and the rest are pooled, because twenty-odd stacked
/// colours cannot be told apart.
/// </summary>
public static class DischargesByChapterChart
{
    private const int NamedChapters = 8;

    // Colour-blind-safe (Okabe-Ito) with lightness steps, so the stack stays readable in greyscale.
    private static readonly Color[] Palette =
    [
        Color.FromHex("#0072B2"), Color.FromHex("#E69F00"), Color.FromHex("#009E73"), Color.FromHex("#CC79A7"),
        Color.FromHex("#56B4E9"), Color.FromHex("#D55E00"), Color.FromHex("#F0E442"), Color.FromHex("#000000"),
    ];

    private static readonly Color OtherColour = Color.FromHex("#BBBBBB");

    public static Plot Build(IReadOnlyList<MonthlyChapterCount> rows)
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        plot.Title("Discharges per month by ICD-10 chapter of the most responsible diagnosis");
        plot.YLabel("Discharges (count)");
        plot.XLabel("Month of discharge");

        var named = rows.GroupBy(r => r.Chapter)
            .Select(g => (Chapter: g.Key, Title: g.First().ChapterTitle, Total: g.Sum(r => r.Discharges)))
            .OrderByDescending(c => c.Total).ThenBy(c => c.Chapter, StringComparer.Ordinal)
            .Take(NamedChapters)
            .ToList();
        var colourOf = named.Select((c, i) => (c.Chapter, Palette[i])).ToDictionary(p => p.Chapter, p => p.Item2);

        var bars = new List<Bar>();
        foreach (var month in rows.GroupBy(r => r.Month).OrderBy(g => g.Key))
        {
            var x = month.Key.ToDateTime(TimeOnly.MinValue).AddDays(14).ToOADate();
            double top = 0;
            foreach (var chapter in named)
            {
                var value = month.Where(r => r.Chapter == chapter.Chapter).Sum(r => r.Discharges);
                if (value == 0)
                    continue;
                bars.Add(new Bar { Position = x, ValueBase = top, Value = top + value, FillColor = colourOf[chapter.Chapter], Size = 24, LineWidth = 0 });
                top += value;
            }
            var other = month.Where(r => !colourOf.ContainsKey(r.Chapter)).Sum(r => r.Discharges);
            if (other > 0)
                bars.Add(new Bar { Position = x, ValueBase = top, Value = top + other, FillColor = OtherColour, Size = 24, LineWidth = 0 });
        }
        plot.Add.Bars(bars);

        foreach (var chapter in named)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"{chapter.Chapter} {Shorten(chapter.Title)}", FillColor = colourOf[chapter.Chapter] });
        if (rows.Any(r => !colourOf.ContainsKey(r.Chapter)))
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Other chapters", FillColor = OtherColour });
        plot.ShowLegend(Edge.Right);
        var axis = plot.Axes.DateTimeTicksBottom();
        if (axis.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic automatic)
            automatic.LabelFormatter = date => date.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        plot.Axes.Margins(bottom: 0);
        return plot;
    }

    public static string Svg(IReadOnlyList<MonthlyChapterCount> rows, int width = 1100, int height = 480)
    {
        var plot = Build(rows);
        return plot.GetSvgXml(width, height);
    }

    private static string Shorten(string title) => title.Length <= 42 ? title : title[..40] + "…";
}
