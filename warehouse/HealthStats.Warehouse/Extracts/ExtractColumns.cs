using HealthStats.Warehouse.Indicators;

namespace HealthStats.Warehouse.Extracts;

/// <summary>The columns of an extract table, with their definitions for the data dictionary, from the indicator's and dimensions' own.</summary>
internal static class ExtractColumns
{
    /// <summary>The values of an indicator row released beside its counts: the value, numerator and denominator where they are not a released count, and the 95% limits.</summary>
    public static IReadOnlyList<string> DerivedColumns(Indicator indicator, IndicatorCounts counts)
    {
        var columns = new List<string>();
        var countFields = new[] { counts.Count, counts.Denominator }
            .Where(c => c is not null && c.FromIndicator is null).Select(c => c!.Field).ToHashSet();
        if (!countFields.Contains(CountField.Value))
            columns.Add(indicator.Id);
        var hasRatio = indicator.Denominator is not null || counts.ShareOf is not null;
        if (hasRatio && !countFields.Contains(CountField.Numerator))
            columns.Add("numerator");
        if (hasRatio && !countFields.Contains(CountField.Denominator))
            columns.Add("denominator");
        if (indicator.HasInterval)
            columns.AddRange(["ci_low", "ci_high"]);
        return columns;
    }

    public static IReadOnlyList<ExtractColumn> Of(
        ExtractTableSpec table, Indicator indicator, IndicatorCounts counts, IReadOnlyList<DimensionGroup> groups, ExtractSpec spec)
    {
        var columns = new List<ExtractColumn>();
        foreach (var level in groups.SelectMany(g => g.Levels))
        {
            var dimension = indicator.Dimensions.First(d => d.Id == level);
            columns.Add(new(level, ExtractColumnKind.Dimension, "string", "code",
                $"{dimension.Name}: {dimension.Definition} '{ExtractTablePlanner.Total}' in a row of its total (or subtotal) over every value.", "never suppressed"));
            if (dimension.HasTitle)
                columns.Add(new(dimension.TitleColumn, ExtractColumnKind.Dimension, "string", "text",
                    $"Title of the {level} code; empty in a total row.", "never suppressed"));
        }
        var filters = Filters(table, indicator, spec);
        var flag = $"{counts.Count.Column}_suppressed";
        columns.Add(new(counts.Count.Column, ExtractColumnKind.Count, "integer", counts.Count.Column,
            counts.Count.Definition + filters, $"empty where suppressed ({flag} true): counts 1 to threshold - 1, and complementary cells chosen so that none can be recovered"));
        columns.Add(new(flag, ExtractColumnKind.CountSuppressed, "boolean", "",
            $"true where {counts.Count.Column} is suppressed, and with it every value of the row computed from it. It does not say why (a small count or its complement).", ""));
        string dependsOn = counts.Count.Column;
        if (counts.Denominator is { } den)
        {
            var denFlag = $"{den.Column}_suppressed";
            columns.Add(new(den.Column, ExtractColumnKind.DenominatorCount, "integer", den.Column,
                den.Definition + filters, $"empty where suppressed ({denFlag} true), as {counts.Count.Column}"));
            columns.Add(new(denFlag, ExtractColumnKind.DenominatorSuppressed, "boolean", "", $"true where {den.Column} is suppressed.", ""));
            dependsOn += $" or {den.Column}";
        }
        if (counts.ShareOf is not null)
            dependsOn += $" or the {counts.ShareOf} total of the row";
        var suppression = $"empty where {dependsOn} is suppressed, or where it cannot be computed";
        foreach (var name in DerivedColumns(indicator, counts))
        {
            columns.Add(name switch
            {
                "numerator" => new(name, ExtractColumnKind.Derived, "double", "", $"Numerator of {indicator.Id}: {indicator.Numerator}.", suppression),
                "denominator" => new(name, ExtractColumnKind.Derived, "double", "",
                    $"Denominator of {indicator.Id}: {indicator.Denominator ?? $"the {counts.ShareOf} total"}.", suppression),
                "ci_low" => new(name, ExtractColumnKind.Derived, "double", indicator.Unit, $"Lower limit of the 95% confidence interval of {indicator.Id}.", suppression),
                "ci_high" => new(name, ExtractColumnKind.Derived, "double", indicator.Unit, $"Upper limit of the 95% confidence interval of {indicator.Id}.", suppression),
                _ => new(name, ExtractColumnKind.Derived, "double", indicator.Unit,
                    $"{indicator.Name}: {indicator.Definition} Inclusions: {indicator.Inclusions} Exclusions: {indicator.Exclusions}{filters}", suppression),
            });
        }
        return columns;
    }

    private static string Filters(ExtractTableSpec table, Indicator indicator, ExtractSpec spec)
    {
        var parts = table.Filters.Select(f => $"{f.Key} in ({string.Join(", ", f.Value)})").ToList();
        if (spec.FiscalYears.Count > 0 && ExtractSpecChecker.YearDimension(indicator) is { } year)
            parts.Add($"{year} in ({string.Join(", ", spec.FiscalYears)})");
        if (spec.Regions.Count > 0 && indicator.Dimensions.Any(d => d.Id == "region"))
            parts.Add($"region in ({string.Join(", ", spec.Regions)})");
        return parts.Count == 0 ? "" : $" Limited to {string.Join("; ", parts)}.";
    }
}
