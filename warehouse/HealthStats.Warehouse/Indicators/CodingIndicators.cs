namespace HealthStats.Warehouse.Indicators;

/// <summary>Health information management operations: coding turnaround, coder volumes, data quality.</summary>
internal static class CodingIndicators
{
    private static readonly Dimension Coder = new("coder", "Coder", "The coder who completed the abstract (coder_id as submitted).");

    private static readonly Dimension CompletedMonth = new("completed_month", "Month completed",
        "Calendar month the abstract was completed (abstract_completed_date), as yyyy-MM; 'not completed' where no date was submitted.");

    private static readonly Dimension SubmissionMonth = new("submission_month", "Month loaded", "Calendar month (UTC) the batch was loaded, as yyyy-MM.");

    private static readonly IReadOnlyList<Dimension> CodingDimensions =
        [Dimensions.Month, Dimensions.Quarter, Dimensions.FiscalYear, Dimensions.Facility, Coder, CompletedMonth];

    private static readonly IReadOnlyList<Dimension> QualityDimensions =
        [Dimensions.Month, Dimensions.Quarter, Dimensions.FiscalYear, Dimensions.Facility, Coder];

    private const string Turnaround = "Coding turnaround: days from discharge to the abstract's completion (abstract_completed_date minus discharge_date).";

    private const string Completed = "Current abstracts with a completion date.";

    private const string NotCompleted = "Abstracts submitted without a completion date.";

    public static readonly IReadOnlyList<Indicator> All =
    [
        new AggregateIndicator
        {
            Id = "coding_turnaround_median", Name = "Median coding turnaround",
            Definition = $"{Turnaround} The median; with an even number of abstracts, the mean of the middle two.",
            Numerator = "Turnaround of each completed abstract", Inclusions = Completed, Exclusions = NotCompleted, Unit = "days",
            Dimensions = CodingDimensions, Source = "coding", RestrictionSql = "turnaround_days is not null", ValueSql = "median(turnaround_days)", QuantileOf = "turnaround_days", QuantileWeight = "abstracts",
        },
        new AggregateIndicator
        {
            Id = "coding_turnaround_p90", Name = "90th percentile of coding turnaround",
            Definition = $"{Turnaround} The 90th percentile: the fewest days within which at least 90% of the abstracts were completed (nearest rank).",
            Numerator = "Turnaround of each completed abstract", Inclusions = Completed, Exclusions = NotCompleted, Unit = "days",
            Dimensions = CodingDimensions, Source = "coding", RestrictionSql = "turnaround_days is not null", ValueSql = "quantile_disc(turnaround_days, 0.9)", QuantileOf = "turnaround_days", QuantileWeight = "abstracts", QuantileRank = 0.9,
        },
        new AggregateIndicator
        {
            Id = "coded_within_30_days", Name = "Abstracts coded within 30 days",
            Definition = $"{Turnaround} The share of abstracts completed within 30 days of discharge (turnaround 0 to 30).",
            Numerator = "Completed abstracts with a turnaround of 30 days or less", Denominator = "Completed abstracts",
            Inclusions = Completed, Exclusions = NotCompleted, Unit = "percent",
            Dimensions = CodingDimensions, Source = "coding", RestrictionSql = "turnaround_days is not null",
            ValueSql = "100.0 * coalesce(sum(abstracts) filter (where turnaround_days <= 30), 0) / sum(abstracts)",
            NumeratorSql = "coalesce(sum(abstracts) filter (where turnaround_days <= 30), 0)", DenominatorSql = "sum(abstracts)",
        },
        new AggregateIndicator
        {
            Id = "abstracts_coded", Name = "Abstracts coded",
            Definition = "Abstracts completed, counted per coder and month with --by coder,completed_month (abstracts per coder per month).",
            Numerator = "Completed current abstracts", Inclusions = Completed, Exclusions = NotCompleted, Unit = "abstracts",
            Dimensions = CodingDimensions, Source = "coding", RestrictionSql = "turnaround_days is not null", ValueSql = "coalesce(sum(abstracts), 0)",
        },
        new AggregateIndicator
        {
            Id = "warning_rate", Name = "Abstracts with validation warnings",
            Definition = "Share of current abstracts whose current version drew at least one validation warning at ingest (a rule that flags without rejecting).",
            Numerator = "Current abstracts with one or more warnings", Denominator = "Current abstracts",
            Inclusions = "Current abstracts, their current version's warnings.", Exclusions = "Warnings of superseded versions.", Unit = "percent",
            Dimensions = QualityDimensions, Source = "coding_quality",
            ValueSql = "100.0 * sum(abstracts_with_warnings) / nullif(sum(abstracts), 0)",
            NumeratorSql = "sum(abstracts_with_warnings)", DenominatorSql = "sum(abstracts)",
        },
        new AggregateIndicator
        {
            Id = "quarantine_rate", Name = "Quarantined records",
            Definition = "Share of the abstract records submitted that validation quarantined (rejected), by the month the batch was loaded and facility. Not by coder: a quarantined record is kept only raw, and its coder is not read from it.",
            Numerator = "Records quarantined (whether corrected later or not)", Denominator = "Abstract records submitted: versions landed plus records quarantined",
            Inclusions = "Every batch's abstract records.", Exclusions = "Deletion records; quarantined records without a readable facility count under facility 'unknown'.", Unit = "percent",
            Dimensions = [SubmissionMonth, Dimensions.Facility], Source = "submissions",
            ValueSql = "100.0 * sum(quarantined) / nullif(sum(landed) + sum(quarantined), 0)",
            NumeratorSql = "sum(quarantined)", DenominatorSql = "sum(landed) + sum(quarantined)",
        },
    ];
}
