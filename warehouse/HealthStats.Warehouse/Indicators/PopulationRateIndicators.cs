namespace HealthStats.Warehouse.Indicators;

/// <summary>Hospitalisation rates per 100,000 residents.</summary>
internal static class PopulationRateIndicators
{
    private const string Numerator = "Discharges of residents (current abstracts), by the year of discharge (fiscal or calendar, as the populations), residence region, sex and age at admission";

    private const string Denominator = "Residents, from the imported populations (healthstats reference import-population)";

    private const string Inclusions = "Every discharge of a resident of the populations' regions (any region where the population is region ALL), transfers and readmissions included: a rate of hospitalisations, not of persons.";

    private const string Exclusions = "Discharges with no residence region, or from regions without an imported population; ages outside the populations' age groups.";

    private static readonly IReadOnlyList<Dimension> WithAge =
        [Dimensions.PopulationYear, Dimensions.PopulationRegion, Dimensions.PopulationSex, Dimensions.PopulationAgeGroup];

    public static readonly IReadOnlyList<Indicator> All =
    [
        new PopulationRateIndicator
        {
            Id = "hospitalisation_rate", Name = "Crude hospitalisation rate",
            Definition = "Discharges per 100,000 residents, with the exact (Garwood) Poisson 95% confidence interval; by age_group it is the age-specific rate.",
            Numerator = Numerator, Denominator = Denominator, Inclusions = Inclusions, Exclusions = Exclusions,
            Unit = "per 100,000 residents", Dimensions = WithAge, Kind = PopulationRateKind.Crude,
        },
        new PopulationRateIndicator
        {
            Id = "age_specific_hospitalisation_rate", Name = "Age-specific hospitalisation rates",
            Definition = "Discharges per 100,000 residents in each of the populations' age groups, with exact (Garwood) Poisson 95% confidence intervals.",
            Numerator = Numerator, Denominator = Denominator, Inclusions = Inclusions, Exclusions = Exclusions,
            Unit = "per 100,000 residents", Dimensions = WithAge, Kind = PopulationRateKind.AgeSpecific,
        },
        new PopulationRateIndicator
        {
            Id = "age_standardised_hospitalisation_rate", Name = "Age-standardised hospitalisation rate",
            Definition = $"Directly age-standardised discharges per 100,000 residents: the age-specific rates weighted by a standard population's age distribution (--standard NAME, default {PopulationRateIndicator.DefaultStandard}, the 2011 Canadian standard, imported by the user), with the Fay-Feuer gamma 95% confidence interval. Age groups are the finest that the populations and the standard share; the standard covers the populations' ages only.",
            Numerator = Numerator, Denominator = Denominator, Inclusions = Inclusions, Exclusions = Exclusions,
            Unit = "per 100,000 residents (age-standardised)",
            Dimensions = [Dimensions.PopulationYear, Dimensions.PopulationRegion, Dimensions.PopulationSex],
            Kind = PopulationRateKind.AgeStandardised,
        },
    ];
}
