using System.Globalization;
using HealthStats.Warehouse.Indicators;

namespace HealthStats.Dashboard.Figures;

/// <summary>
/// How a page writes an indicator's value: counts whole, days and rates to one decimal, percents with
/// their sign. Tests compare a page's text with IndicatorLibrary.Compute through this same format.
/// </summary>
public static class FigureFormat
{
    public const string Missing = "—";

    public static string Of(Indicator indicator, double? value) => value switch
    {
        null => Missing,
        { } v when indicator.Unit.StartsWith("percent", StringComparison.Ordinal) => Percent(v),
        { } v when indicator.Unit is "days" && indicator.Id != "patient_days" => Decimal(v),
        { } v when indicator.Unit.StartsWith("per 100,000", StringComparison.Ordinal) => Decimal(v),
        { } v => Count(v),
    };

    public static string Count(double? value) => value is { } v ? v.ToString("N0", CultureInfo.InvariantCulture) : Missing;

    public static string Decimal(double? value) => value is { } v ? v.ToString("N1", CultureInfo.InvariantCulture) : Missing;

    public static string Percent(double? value) => value is { } v ? v.ToString("F1", CultureInfo.InvariantCulture) + " %" : Missing;

    /// <summary>A 95% interval as "12.3–45.6".</summary>
    public static string Interval(double? low, double? high) => low is null || high is null ? Missing : $"{Decimal(low)}–{Decimal(high)}";

    /// <summary>A fiscal year named by its first calendar year, as people write it: 2024–25.</summary>
    public static string FiscalYear(int year) => $"{year}–{(year + 1) % 100:00}";
}
