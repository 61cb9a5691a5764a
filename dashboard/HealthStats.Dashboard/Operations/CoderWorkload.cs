using HealthStats.Dashboard.Figures;
using HealthStats.Dashboard.Filters;
using HealthStats.Dashboard.Hosting;
using HealthStats.Warehouse.Indicators;

namespace HealthStats.Dashboard.Operations;

/// <summary>
/// Each coder's abstracts per month (abstracts_coded by coder and month completed), summed up for the
/// table (the chart and its CSV hold every month), beside the coder's warning rate.
/// </summary>
public sealed record CoderWorkload(string Coder, double AbstractsCoded, int Months, string? BusiestMonth, double BusiestMonthAbstracts, IndicatorRow? Warnings)
{
    public double MeanPerMonth => Months == 0 ? 0 : AbstractsCoded / Months;

    public static (IReadOnlyList<CoderWorkload> Coders, IReadOnlyList<string> NotApplied) Compute(CachedIndicators indicators, DashboardFilter filter, FilterChoices choices)
    {
        var monthly = Monthly(indicators, filter, choices);
        var warnings = JoinedIndicators.Compute(indicators, filter, choices, ["warning_rate"], ["coder"]);
        var warningOf = warnings.Rows.ToDictionary(r => r.Key[0], r => r.Row("warning_rate"), StringComparer.Ordinal);
        var coders = monthly.Rows.GroupBy(r => r.Dimension("coder") ?? "")
            .Select(g =>
            {
                var busiest = g.OrderByDescending(r => r.Value ?? 0).ThenBy(r => r.Dimension("completed_month"), StringComparer.Ordinal).First();
                return new CoderWorkload(g.Key, g.Sum(r => r.Value ?? 0), g.Count(), busiest.Dimension("completed_month"), busiest.Value ?? 0, warningOf.GetValueOrDefault(g.Key));
            })
            .Concat(warningOf.Keys.Where(c => !monthly.Rows.Any(r => r.Dimension("coder") == c)).Select(c => new CoderWorkload(c, 0, 0, null, 0, warningOf[c])))
            .OrderBy(c => c.Coder, StringComparer.Ordinal)
            .ToList();
        return (coders, monthly.NotApplied.Concat(warnings.NotApplied).Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>Abstracts completed per coder and month: what the table sums and the chart draws.</summary>
    public static (IReadOnlyList<IndicatorRow> Rows, IReadOnlyList<string> NotApplied) Monthly(CachedIndicators indicators, DashboardFilter filter, FilterChoices choices)
    {
        var request = FilteredRequest.For(IndicatorLibrary.Find("abstracts_coded"), filter, choices, ["coder", "completed_month"]);
        return (indicators.Compute("abstracts_coded", request.Request).Rows, request.NotApplied);
    }
}
