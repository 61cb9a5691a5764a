namespace HealthStats.Warehouse.Extracts;

/// <summary>
/// Which count governs suppression of each indicator. Suppression is by the number of persons (their
/// discharges, stays, episodes) behind a cell, never by the size of a sum of days or of a rate: days,
/// means, medians and rates are released only where the count behind them is, and are suppressed with it.
/// </summary>
/// <remarks>
/// - Counts (discharges, MRDx discharges, interventions, abstracts coded): the value itself.
/// - Sums of days (patient, acute, ALC days): the discharges whose days they are.
/// - Rates and percentages of people: the numerator (deaths, readmitted episodes, ...), with the
///   denominator a second count where it counts people (discharges, index episodes, abstracts).
/// - Means and quantiles (length of stay, Charlson index, coding turnaround): the stays or abstracts
///   averaged, the denominator of the mean or the count of the matching volume indicator.
/// - Population rates: the residents' discharges; the population is not a count of patients.
/// Measures name what is counted over which source, so that the same count released by two tables (the
/// discharges of a discharges table and of a mortality table's denominator) is linked as one number.
/// </remarks>
public static class GoverningCounts
{
    private static readonly GoverningCount Discharges = new("discharges", "discharges", "Discharges (abstracts) behind the cell.", CountField.Value);

    private static readonly GoverningCount DischargesOfDays = Discharges with { FromIndicator = "discharges" };

    private static readonly GoverningCount TypicalStays = new("typical_stays", "typical_stays", "Typical stays behind the cell.", CountField.Denominator);

    private static readonly GoverningCount AtypicalStays = new("atypical_stays", "atypical_stays", "Atypical stays behind the cell.", CountField.Denominator);

    private static readonly GoverningCount CharlsonDischarges = new("discharges", "charlson_discharges", "Discharges behind the cell (Charlson index source).", CountField.Denominator);

    private static readonly GoverningCount CompletedAbstracts = new("abstracts_completed", "completed_abstracts", "Completed abstracts behind the cell.", CountField.Value, "abstracts_coded");

    private static readonly IReadOnlyDictionary<string, IndicatorCounts> ByIndicator = new Dictionary<string, IndicatorCounts>(StringComparer.Ordinal)
    {
        ["discharges"] = new(Discharges),
        ["patient_days"] = new(DischargesOfDays),
        ["acute_days"] = new(DischargesOfDays),
        ["alc_days"] = new(DischargesOfDays),
        ["in_hospital_mortality"] = new(
            new("deaths", "deaths", "Discharges with disposition 07 (died in hospital).", CountField.Numerator),
            Discharges with { Field = CountField.Denominator }),
        ["alos_typical"] = new(TypicalStays),
        ["alos_atypical"] = new(AtypicalStays),
        ["median_los_typical"] = new(TypicalStays with { FromIndicator = "alos_typical" }),
        ["median_los_atypical"] = new(AtypicalStays with { FromIndicator = "alos_atypical" }),
        ["readmission_30d"] = new(
            new("readmitted_episodes", "readmitted_episodes", "Index episodes followed by an urgent readmission within 30 days.", CountField.Numerator),
            new("index_episodes", "index_episodes", "Index episodes with 30 days of follow-up in the data.", CountField.Denominator)),
        ["mrdx_discharges"] = new(new("discharges", "mrdx_discharges", "Discharges with the most responsible diagnosis in the cell's group.", CountField.Value)),
        ["interventions"] = new(new("interventions", "interventions", "Intervention codes coded (an abstract coding a code twice counts twice).", CountField.Value)),
        ["charlson_distribution"] = new(CharlsonDischarges with { Field = CountField.Numerator }, ShareOf: "charlson"),
        ["mean_charlson_index"] = new(CharlsonDischarges),
        ["coding_turnaround_median"] = new(CompletedAbstracts),
        ["coding_turnaround_p90"] = new(CompletedAbstracts),
        ["coded_within_30_days"] = new(
            new("abstracts_within_30_days", "abstracts_within_30_days", "Completed abstracts with a turnaround of 30 days or less.", CountField.Numerator),
            CompletedAbstracts with { Field = CountField.Denominator, FromIndicator = null }),
        ["abstracts_coded"] = new(CompletedAbstracts with { FromIndicator = null }),
        ["warning_rate"] = new(
            new("abstracts_with_warnings", "abstracts_with_warnings", "Current abstracts with one or more validation warnings.", CountField.Numerator),
            new("abstracts", "current_abstracts", "Current abstracts.", CountField.Denominator)),
        ["quarantine_rate"] = new(
            new("records_quarantined", "records_quarantined", "Abstract records quarantined.", CountField.Numerator),
            new("records_submitted", "records_submitted", "Abstract records submitted.", CountField.Denominator)),
        ["hospitalisation_rate"] = new(ResidentDischarges()),
        ["age_specific_hospitalisation_rate"] = new(ResidentDischarges()),
        ["age_standardised_hospitalisation_rate"] = new(ResidentDischarges()),
    };

    public static IndicatorCounts For(string indicator) =>
        ByIndicator.TryGetValue(indicator, out var counts)
            ? counts
            : throw new ArgumentException($"indicator '{indicator}' has no governing count for suppression: add it to GoverningCounts");

    public static bool Has(string indicator) => ByIndicator.ContainsKey(indicator);

    private static GoverningCount ResidentDischarges() =>
        new("resident_discharges", "resident_discharges", "Discharges of residents of the populations' regions behind the rate.", CountField.Numerator);
}
