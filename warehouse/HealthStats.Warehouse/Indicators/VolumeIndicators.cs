namespace HealthStats.Warehouse.Indicators;

/// <summary>Counts of discharges and days, from marts.sum_discharges_monthly.</summary>
internal static class VolumeIndicators
{
    private const string Inclusions = "Current abstracts (the latest version of each, deletions applied) discharged in the period.";

    public static readonly IReadOnlyList<Indicator> All =
    [
        new AggregateIndicator
        {
            Id = "discharges", Name = "Discharges",
            Definition = "Inpatient discharges (separations): one per abstract, including deaths and transfers.",
            Numerator = "Abstracts", Inclusions = Inclusions, Exclusions = "None.", Unit = "discharges",
            Dimensions = Dimensions.OfDischarges, Source = "discharges", ValueSql = "sum(discharges)",
        },
        new AggregateIndicator
        {
            Id = "patient_days", Name = "Patient days",
            Definition = "Days in hospital of the stays discharged in the period: discharge date minus admission date (a same-day stay counts 0), acute and ALC together.",
            Numerator = "Sum of total length of stay", Inclusions = Inclusions, Exclusions = "None.", Unit = "days",
            Dimensions = Dimensions.OfDischarges, Source = "discharges", ValueSql = "sum(patient_days)",
        },
        new AggregateIndicator
        {
            Id = "acute_days", Name = "Acute days",
            Definition = "Patient days less alternate level of care (ALC) days, of the stays discharged in the period.",
            Numerator = "Sum of total length of stay minus ALC days", Inclusions = Inclusions, Exclusions = "ALC days.", Unit = "days",
            Dimensions = Dimensions.OfDischarges, Source = "discharges", ValueSql = "sum(acute_days)",
        },
        new AggregateIndicator
        {
            Id = "alc_days", Name = "ALC days",
            Definition = "Alternate level of care days (a patient who no longer needs acute care waiting in an acute bed), of the stays discharged in the period.",
            Numerator = "Sum of ALC days", Inclusions = Inclusions, Exclusions = "None.", Unit = "days",
            Dimensions = Dimensions.OfDischarges, Source = "discharges", ValueSql = "sum(alc_days)",
        },
    ];
}
