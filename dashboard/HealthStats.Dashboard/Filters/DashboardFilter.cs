using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace HealthStats.Dashboard.Filters;

/// <summary>
/// The filters every analytical page shares, kept in the URL's query string (fy_from, fy_to, facility,
/// region, age_group, sex, admit_category) so that a view can be bookmarked and shared. Chart
/// downloads carry the same query string, so a download is the chart as shown.
/// </summary>
public sealed record DashboardFilter
{
    public static readonly IReadOnlyList<string> QueryKeys = ["fy_from", "fy_to", "facility", "region", "age_group", "sex", "admit_category"];

    public static readonly DashboardFilter None = new();

    public int? FiscalYearFrom { get; init; }

    public int? FiscalYearTo { get; init; }

    public string? Facility { get; init; }

    public string? Region { get; init; }

    public string? AgeGroup { get; init; }

    public string? Sex { get; init; }

    public string? AdmitCategory { get; init; }

    public bool IsEmpty => this == None;

    /// <summary>Reads the filters from a query string; an empty or unreadable value means no filter on it.</summary>
    public static DashboardFilter FromQuery(IQueryCollection query) => new()
    {
        FiscalYearFrom = Year(query["fy_from"]),
        FiscalYearTo = Year(query["fy_to"]),
        Facility = Text(query["facility"]),
        Region = Text(query["region"]),
        AgeGroup = Text(query["age_group"]),
        Sex = Text(query["sex"]),
        AdmitCategory = Text(query["admit_category"]),
    };

    /// <summary>The filters as query-string pairs, in a fixed order, leaving out those not set.</summary>
    public IEnumerable<KeyValuePair<string, string>> QueryPairs()
    {
        if (FiscalYearFrom is { } from)
            yield return new("fy_from", from.ToString(CultureInfo.InvariantCulture));
        if (FiscalYearTo is { } to)
            yield return new("fy_to", to.ToString(CultureInfo.InvariantCulture));
        foreach (var (key, value) in new[] { ("facility", Facility), ("region", Region), ("age_group", AgeGroup), ("sex", Sex), ("admit_category", AdmitCategory) })
        {
            if (value is not null)
                yield return new(key, value);
        }
    }

    /// <summary>"?fy_from=2024&amp;facility=F1" (with any extra pairs after the filters), or "" when there is nothing to say.</summary>
    public string QueryString(params (string Key, string? Value)[] extra)
    {
        var pairs = QueryPairs().Concat(extra.Where(e => e.Value is not null).Select(e => new KeyValuePair<string, string>(e.Key, e.Value!)));
        var url = QueryHelpers.AddQueryString("", pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));
        return url;
    }

    /// <summary>The fiscal years the range keeps, of those the warehouse holds; null when the range keeps them all.</summary>
    public IReadOnlyList<int>? FiscalYearsKept(IReadOnlyList<int> held)
    {
        if (FiscalYearFrom is null && FiscalYearTo is null)
            return null;
        return held.Where(y => y >= (FiscalYearFrom ?? int.MinValue) && y <= (FiscalYearTo ?? int.MaxValue)).ToList();
    }

    private static int? Year(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2999 ? year : null;

    private static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
