using HealthStats.Dashboard.Accounts;
using HealthStats.Dashboard.Charts;
using HealthStats.Dashboard.Filters;
using HealthStats.Warehouse.Indicators;
using ScottPlot;

namespace HealthStats.Dashboard.Overview;

/// <summary>
/// Discharges per month, stacked by the ICD-10 chapter of the most responsible diagnosis (the
/// mrdx_discharges indicator). The largest chapters get their own colour and the rest are pooled,
/// because twenty-odd stacked colours cannot be told apart.
/// </summary>
public sealed class DischargesByChapterChart : DashboardChart
{
    private const int NamedChapters = 8;
    private const string Title = "Discharges per month by ICD-10 chapter of the most responsible diagnosis";

    public override string Id => "discharges-by-chapter";

    public override string Roles => PageRoles.Everyone;

    public static FilteredRequest Request(ChartRequest request) =>
        FilteredRequest.For(IndicatorLibrary.Find("mrdx_discharges"), request.Filter, request.Choices, ["month", "chapter"]);

    public override ChartContent Make(ChartRequest request)
    {
        var rows = request.Indicators.Compute("mrdx_discharges", Request(request).Request).Rows
            .Select(r => new MonthlyChapterCount(
                DateOnly.ParseExact(r.Dimension("month") + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                r.Dimension("chapter") ?? "unknown", r.Dimension("chapter_title") ?? "Unclassified", (long)(r.Value ?? 0)))
            .ToList();
        var table = new ChartTable(["month", "chapter", "chapter_title", "discharges"],
            rows.Select(r => (IReadOnlyList<object?>)[r.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), r.Chapter, r.ChapterTitle, r.Discharges]).ToList());
        if (rows.Count == 0)
            return ChartContent.Empty(Title, "No discharges match the filters.", table);
        return new ChartContent(Build(rows), table);
    }

    private static Plot Build(IReadOnlyList<MonthlyChapterCount> rows)
    {
        var plot = ChartStyle.NewPlot(Title, "Month of discharge", "Discharges (count)");
        var named = rows.GroupBy(r => r.Chapter)
            .Select(g => (Chapter: g.Key, Title: g.First().ChapterTitle, Total: g.Sum(r => r.Discharges)))
            .OrderByDescending(c => c.Total).ThenBy(c => c.Chapter, StringComparer.Ordinal)
            .Take(NamedChapters)
            .ToList();
        var colourOf = named.Select((c, i) => (c.Chapter, Colour: ChartStyle.Colour(i))).ToDictionary(p => p.Chapter, p => p.Colour);

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
                bars.Add(new Bar { Position = x, ValueBase = top, Value = top + other, FillColor = ChartStyle.Other, Size = 24, LineWidth = 0 });
        }
        plot.Add.Bars(bars);

        foreach (var chapter in named)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"{chapter.Chapter} {ChartStyle.Shorten(chapter.Title)}", FillColor = colourOf[chapter.Chapter] });
        if (rows.Any(r => !colourOf.ContainsKey(r.Chapter)))
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Other chapters", FillColor = ChartStyle.Other });
        plot.ShowLegend(Edge.Right);
        var axis = plot.Axes.DateTimeTicksBottom();
        if (axis.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic automatic)
            automatic.LabelFormatter = date => date.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        plot.Axes.Margins(bottom: 0);
        return plot;
    }
}

public sealed record MonthlyChapterCount(DateOnly Month, string Chapter, string ChapterTitle, long Discharges);
