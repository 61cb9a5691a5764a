using System.Globalization;
using HealthStats.Dashboard.Filters;
using HealthStats.Dashboard.Hosting;
using HealthStats.Warehouse.Indicators;

namespace HealthStats.Dashboard.Overview;

/// <summary>
/// The overview's headline indicators, each by fiscal year under the page's filters: the latest year's
/// value, its trend over the years shown and its change from the year before (relative for counts and
/// days, in percentage points for percents, whose relative change misleads).
/// </summary>
public sealed record Headline(Indicator Indicator, IReadOnlyList<(int Year, double? Value)> Years, IReadOnlyList<string> NotApplied)
{
    public static readonly IReadOnlyList<string> IndicatorIds = ["discharges", "patient_days", "alos_typical", "in_hospital_mortality", "readmission_30d"];

    private const int YearsShown = 5;

    public double? Latest => Years.Count > 0 ? Years[^1].Value : null;

    public double? Previous => Years.Count > 1 ? Years[^2].Value : null;

    public bool IsPercent => Indicator.Unit.StartsWith("percent", StringComparison.Ordinal);

    /// <summary>"+4.2 %" for counts and days, "−0.3 pts" for percents; null without two years to compare.</summary>
    public string? Change
    {
        get
        {
            if (Latest is not { } latest || Previous is not { } previous)
                return null;
            if (IsPercent)
                return $"{Signed(latest - previous, "F1")} pts";
            return previous == 0 ? null : $"{Signed(100 * (latest - previous) / previous, "F1")} %";
        }
    }

    public string Format(double? value) => value switch
    {
        null => "—",
        { } v when IsPercent => v.ToString("F1", CultureInfo.InvariantCulture) + " %",
        { } v when Indicator.Unit == "days" && Indicator.Id != "patient_days" => v.ToString("F1", CultureInfo.InvariantCulture),
        { } v => v.ToString("N0", CultureInfo.InvariantCulture),
    };

    public static IReadOnlyList<Headline> Compute(CachedIndicators indicators, DashboardFilter filter, FilterChoices choices) =>
        IndicatorIds.Select(id =>
        {
            var indicator = IndicatorLibrary.Find(id);
            var request = FilteredRequest.For(indicator, filter, choices, ["fiscal_year"]);
            var years = indicators.Compute(id, request.Request).Rows
                .Select(r => (Year: int.Parse(r.Dimension("fiscal_year")!, CultureInfo.InvariantCulture), r.Value))
                .OrderBy(r => r.Year)
                .TakeLast(YearsShown)
                .ToList();
            return new Headline(indicator, years, request.NotApplied);
        }).ToList();

    private static string Signed(double value, string format) =>
        (value > 0 ? "+" : value < 0 ? "−" : "±") + Math.Abs(value).ToString(format, CultureInfo.InvariantCulture);
}
