using HealthStats.Warehouse.Indicators;

namespace HealthStats.Warehouse.Extracts;

/// <summary>What the schema cannot say: the spec's tables against the indicator library.</summary>
internal static class ExtractSpecChecker
{
    public static List<ExtractSpecProblem> Check(ExtractSpec spec)
    {
        var problems = new List<ExtractSpecProblem>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < spec.Tables.Count; i++)
        {
            var table = spec.Tables[i];
            var at = $"$.tables[{i}]";
            if (!names.Add(table.Name))
                problems.Add(new($"{at}.name", $"table '{table.Name}' is named twice: each table is a file of that name"));
            var indicator = IndicatorLibrary.All.FirstOrDefault(x => x.Id == table.Indicator);
            if (indicator is null)
            {
                problems.Add(new($"{at}.indicator", $"unknown indicator '{table.Indicator}'; the indicators are: {string.Join(", ", IndicatorLibrary.All.Select(x => x.Id))}"));
                continue;
            }
            var dimensions = indicator.Dimensions.Select(d => d.Id).ToList();
            var known = $"its dimensions are: {string.Join(", ", dimensions)}";
            for (var j = 0; j < table.Dimensions.Count; j++)
            {
                if (!dimensions.Contains(table.Dimensions[j]))
                    problems.Add(new($"{at}.dimensions[{j}]", $"indicator '{indicator.Id}' has no dimension '{table.Dimensions[j]}'; {known}"));
            }
            foreach (var (dimension, values) in table.Filters)
            {
                var path = $"{at}.filters.{dimension}";
                if (!dimensions.Contains(dimension))
                    problems.Add(new(path, $"indicator '{indicator.Id}' has no dimension '{dimension}' to filter on; {known}"));
                if (dimension == YearDimension(indicator) && spec.FiscalYears.Count > 0)
                    problems.Add(new(path, "the spec's fiscal_years already sets the years: give them in one place"));
                if (dimension == "region" && spec.Regions.Count > 0)
                    problems.Add(new(path, "the spec's geography already sets the regions: give them in one place"));
                if (indicator is PopulationRateIndicator && values.Count > 1)
                    problems.Add(new(path, $"indicator '{indicator.Id}' takes one value per filter, not {values.Count}"));
            }
            if (!GoverningCounts.Has(indicator.Id))
                problems.Add(new($"{at}.indicator", $"indicator '{indicator.Id}' has no governing count for suppression, so it cannot be extracted"));
            else if (GoverningCounts.For(indicator.Id).ShareOf is { } share && !table.Dimensions.Contains(share))
                problems.Add(new($"{at}.dimensions", $"indicator '{indicator.Id}' is a distribution over '{share}': put '{share}' in the dimensions"));
            if (spec.FiscalYears.Count > 0 && YearDimension(indicator) is null)
                problems.Add(new("$.fiscal_years", $"table '{table.Name}' ({at}): indicator '{indicator.Id}' has no fiscal year to limit; {known}"));
            if (indicator is PopulationRateIndicator)
            {
                if (spec.FiscalYears.Count > 1)
                    problems.Add(new("$.fiscal_years", $"table '{table.Name}' ({at}): indicator '{indicator.Id}' takes one year at a time, not {spec.FiscalYears.Count}"));
                if (spec.Regions.Count > 1)
                    problems.Add(new("$.geography.regions", $"table '{table.Name}' ({at}): indicator '{indicator.Id}' takes one region at a time, not {spec.Regions.Count}"));
            }
        }
        return problems;
    }

    /// <summary>The dimension that the spec's fiscal years limit: fiscal_year, or a population rate's year.</summary>
    public static string? YearDimension(Indicator indicator) =>
        indicator.Dimensions.Any(d => d.Id == "fiscal_year") ? "fiscal_year"
        : indicator is PopulationRateIndicator ? "year"
        : null;
}
