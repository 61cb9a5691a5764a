namespace HealthStats.Etl.Ingest.Validation;

public sealed record ValidationOptions
{
    /// <summary>Days an intervention may fall before admission or after discharge (pre-admission work-up, same-day data entry).</summary>
    public int InterventionDateToleranceDays { get; init; } = 1;
}
