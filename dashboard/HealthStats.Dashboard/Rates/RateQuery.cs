using System.Globalization;
using HealthStats.Dashboard.Figures;
using HealthStats.Dashboard.Filters;
using HealthStats.Dashboard.Hosting;
using HealthStats.Warehouse.Indicators;
using HealthStats.Warehouse.Reference;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Dashboard.Rates;

/// <summary>
/// The dashboard's filters mapped onto what the population rates take: region and sex (M or F) as they
/// are, the fiscal-year range onto the populations' years when those are fiscal years, and nothing else,
/// since the populations have no facility or admit category and rates span every age (the age-specific
/// table shows each). The page's own choices are the series (?by=region or sex) and the standard
/// population (?standard=, default CAN2011).
/// </summary>
public sealed record RateQuery(string? Series, string Standard, string? Region, string? Sex, int? FromYear, int? ToYear, YearKind YearKind, IReadOnlyList<string> NotApplied)
{
    public const string StandardisedId = "age_standardised_hospitalisation_rate";
    public const string CrudeId = "hospitalisation_rate";
    public const string AgeSpecificId = "age_specific_hospitalisation_rate";

    public static readonly IReadOnlyList<string> SeriesChoices = ["region", "sex"];

    public static RateQuery For(DashboardFilter filter, string? by, string? standard, PopulationHoldings holdings)
    {
        var notApplied = new List<string>();
        int? from = null, to = null;
        if (filter.FiscalYearFrom is not null || filter.FiscalYearTo is not null)
        {
            if (holdings.YearKind == YearKind.Fiscal)
                (from, to) = (filter.FiscalYearFrom, filter.FiscalYearTo);
            else
                notApplied.Add("fiscal year");
        }
        // Populations are of males and females; other sexes as submitted have no denominator.
        var sex = filter.Sex is "M" or "F" ? filter.Sex : null;
        if (filter.Sex is not null && sex is null)
            notApplied.Add("sex");
        foreach (var (value, label) in new[] { (filter.Facility, "facility"), (filter.AgeGroup, "age group"), (filter.AdmitCategory, "admit category") })
        {
            if (value is not null)
                notApplied.Add(label);
        }
        return new RateQuery(
            SeriesChoices.Contains(by) ? by : null,
            string.IsNullOrWhiteSpace(standard) ? PopulationRateIndicator.DefaultStandard : standard.Trim(),
            filter.Region, sex, from, to, holdings.YearKind, notApplied);
    }

    public static RateQuery For(DashboardFilter filter, IQueryCollection query, PopulationHoldings holdings) =>
        For(filter, query["by"].ToString(), query["standard"].ToString(), holdings);

    /// <summary>The request for an indicator, by year (and by the series, when asked), narrowed by region and sex.</summary>
    public IndicatorRequest Request(string indicatorId, bool bySeries, params string[] moreBy)
    {
        var by = new List<string> { "year" };
        if (bySeries && Series is not null)
            by.Add(Series);
        by.AddRange(moreBy);
        var where = new List<KeyValuePair<string, string>>();
        if (Region is not null)
            where.Add(new("region", Region));
        if (Sex is not null)
            where.Add(new("sex", Sex));
        return new IndicatorRequest { By = by, Where = where, Standard = indicatorId == StandardisedId ? Standard : null, RequireKnownValues = false };
    }

    /// <summary>The indicator's rows of the years in the fiscal-year range (all years when there is none).</summary>
    public IReadOnlyList<IndicatorRow> Compute(CachedIndicators indicators, string indicatorId, bool bySeries, params string[] moreBy) =>
        indicators.Compute(indicatorId, Request(indicatorId, bySeries, moreBy)).Rows
            .Where(r => InRange(int.Parse(r.Dimension("year")!, CultureInfo.InvariantCulture)))
            .ToList();

    public bool InRange(int year) => year >= (FromYear ?? int.MinValue) && year <= (ToYear ?? int.MaxValue);

    /// <summary>A population year as people write it: 2024–25 for a fiscal year, 2024 for a calendar one.</summary>
    public string YearLabel(string year) =>
        YearKind == YearKind.Fiscal ? FigureFormat.FiscalYear(int.Parse(year, CultureInfo.InvariantCulture)) : year;
}
