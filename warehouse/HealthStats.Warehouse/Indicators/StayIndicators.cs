namespace HealthStats.Warehouse.Indicators;

/// <summary>Length of stay, in-hospital mortality and 30-day readmission.</summary>
internal static class StayIndicators
{
    private const string Current = "Current abstracts (the latest version of each, deletions applied) discharged in the period";

    private const string Atypical =
        "deaths (disposition 07), sign-outs against advice (06) and transfers (to acute care, 01, or with an institution from or to coded)";

    private static readonly Dimension StayType = new("stay_type", "Stay type", $"typical, or atypical: {Atypical}.");

    private static readonly IReadOnlyList<Dimension> StayDimensions = [.. Dimensions.OfDischarges, StayType];

    private static readonly IReadOnlyList<Dimension> ReadmissionDimensions =
        [Dimensions.Month, Dimensions.Quarter, Dimensions.FiscalYear, Dimensions.Facility];

    public static readonly IReadOnlyList<Indicator> All =
    [
        new AggregateIndicator
        {
            Id = "alos_typical", Name = "Average acute length of stay, typical stays",
            Definition = "Mean acute days (length of stay minus ALC days) of typical stays.",
            Numerator = "Sum of acute days of typical stays", Denominator = "Typical stays",
            Inclusions = Current + ".", Exclusions = $"Atypical stays: {Atypical}.", Unit = "days",
            Dimensions = StayDimensions, Source = "stays", RestrictionSql = "stay_type = 'typical'",
            ValueSql = "sum(acute_days * stays) / sum(stays)", NumeratorSql = "sum(acute_days * stays)", DenominatorSql = "sum(stays)",
        },
        new AggregateIndicator
        {
            Id = "alos_atypical", Name = "Average acute length of stay, atypical stays",
            Definition = $"Mean acute days (length of stay minus ALC days) of atypical stays: {Atypical}.",
            Numerator = "Sum of acute days of atypical stays", Denominator = "Atypical stays",
            Inclusions = Current + ".", Exclusions = "Typical stays.", Unit = "days",
            Dimensions = StayDimensions, Source = "stays", RestrictionSql = "stay_type = 'atypical'",
            ValueSql = "sum(acute_days * stays) / sum(stays)", NumeratorSql = "sum(acute_days * stays)", DenominatorSql = "sum(stays)",
        },
        new AggregateIndicator
        {
            Id = "median_los_typical", Name = "Median acute length of stay, typical stays",
            Definition = "Median acute days (length of stay minus ALC days) of typical stays; with an even number of stays, the mean of the middle two.",
            Numerator = "Acute days of typical stays", Inclusions = Current + ".", Exclusions = $"Atypical stays: {Atypical}.", Unit = "days",
            Dimensions = StayDimensions, Source = "stays", RestrictionSql = "stay_type = 'typical'", ValueSql = "median(acute_days)", QuantileOf = "acute_days", QuantileWeight = "stays",
        },
        new AggregateIndicator
        {
            Id = "median_los_atypical", Name = "Median acute length of stay, atypical stays",
            Definition = $"Median acute days (length of stay minus ALC days) of atypical stays ({Atypical}); with an even number of stays, the mean of the middle two.",
            Numerator = "Acute days of atypical stays", Inclusions = Current + ".", Exclusions = "Typical stays.", Unit = "days",
            Dimensions = StayDimensions, Source = "stays", RestrictionSql = "stay_type = 'atypical'", ValueSql = "median(acute_days)", QuantileOf = "acute_days", QuantileWeight = "stays",
        },
        new AggregateIndicator
        {
            Id = "in_hospital_mortality", Name = "In-hospital mortality",
            Definition = "Share of discharges that were deaths in hospital (disposition 07), crude (not risk-adjusted).",
            Numerator = "Discharges with disposition 07 (died)", Denominator = "Discharges",
            Inclusions = Current + ".", Exclusions = "None: stillbirths (09) and cadaveric donors (08) are not deaths in this count.", Unit = "percent",
            Dimensions = Dimensions.OfDischarges, Source = "discharges",
            ValueSql = "100.0 * coalesce(sum(discharges) filter (where disposition = '07'), 0) / nullif(sum(discharges), 0)",
            NumeratorSql = "coalesce(sum(discharges) filter (where disposition = '07'), 0)", DenominatorSql = "sum(discharges)",
        },
        new AggregateIndicator
        {
            Id = "readmission_30d", Name = "30-day urgent readmission",
            Definition = "Share of index episodes of care (stays linked by transfer) followed by an urgent (admit category U) admission of the same patient, to any facility in the warehouse, 0 to 30 days after the episode's discharge; after CIHI's indicator, without its risk adjustment. Periods are those of the index discharge.",
            Numerator = "Index episodes followed by an urgent readmission within 30 days",
            Denominator = "Index episodes whose 30 days of follow-up lie within the data (discharge + 30 days on or before the newest discharge held)",
            Inclusions = "Episodes of care discharged alive, the patient 18 or older at the episode's admission.",
            Exclusions = "Index episodes: deaths, cadaveric donors and stillbirths (dispositions 07, 08, 09); sign-outs against advice (06); did not return from leave (12); newborn, stillbirth and donor admissions (admit category N, S, R, or final MRDx Z38); final MRDx in obstetrics (O), mental health (F), palliative care (Z51.5), chemotherapy or radiotherapy (Z51.0, Z51.1); patients under 18. Readmissions: transfers (part of the episode) and elective admissions.",
            Unit = "percent", Dimensions = ReadmissionDimensions, Source = "readmissions",
            ValueSql = "100.0 * sum(readmitted_followed) / nullif(sum(index_episodes_followed), 0)",
            NumeratorSql = "sum(readmitted_followed)", DenominatorSql = "sum(index_episodes_followed)",
        },
    ];
}
