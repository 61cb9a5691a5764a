namespace HealthStats.Warehouse.Indicators;

/// <summary>The Charlson comorbidity index (Quan et al. 2005 ICD-10 coding, Charlson's weights) of the discharges.</summary>
internal static class ComorbidityIndicators
{
    private const string Index =
        "The Charlson comorbidity index of a stay: Charlson's weights of the conditions its diagnoses code (Quan et al. 2005 ICD-10 algorithm), every diagnosis type but post-admit comorbidities (2), the more severe of paired conditions only.";

    private static readonly Dimension Charlson = new("charlson", "Charlson index", "The stay's Charlson comorbidity index: 0, 1, 2, ...");

    private static readonly IReadOnlyList<Dimension> CharlsonDimensions =
        [Dimensions.Month, Dimensions.Quarter, Dimensions.FiscalYear, Dimensions.Facility, Dimensions.AgeGroup, Dimensions.Sex, Charlson];

    public static readonly IReadOnlyList<Indicator> All =
    [
        new AggregateIndicator
        {
            Id = "charlson_distribution", Name = "Charlson comorbidity index distribution",
            Definition = $"Share of discharges at each Charlson index value (--by ...,charlson), within each combination of the other dimensions. {Index}",
            Numerator = "Discharges with the index value", Denominator = "Discharges",
            Inclusions = "Current abstracts.", Exclusions = "Post-admit comorbidities (diagnosis type 2) do not score.", Unit = "percent of discharges",
            Dimensions = CharlsonDimensions, Source = "charlson", ValueSql = "sum(discharges)", ShareOf = Charlson.Id,
        },
        new AggregateIndicator
        {
            Id = "mean_charlson_index", Name = "Mean Charlson comorbidity index",
            Definition = $"Mean Charlson index of the discharges. {Index}",
            Numerator = "Sum of the discharges' Charlson indexes", Denominator = "Discharges",
            Inclusions = "Current abstracts.", Exclusions = "Post-admit comorbidities (diagnosis type 2) do not score.", Unit = "index points",
            Dimensions = CharlsonDimensions, Source = "charlson",
            ValueSql = "sum(discharges * charlson) / nullif(sum(discharges), 0)", NumeratorSql = "sum(discharges * charlson)", DenominatorSql = "sum(discharges)",
        },
    ];
}
