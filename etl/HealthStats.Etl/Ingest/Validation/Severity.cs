namespace HealthStats.Etl.Ingest.Validation;

public enum Severity
{
    /// <summary>The record is loaded and the warning recorded against it.</summary>
    Warning,

    /// <summary>The record goes to quarantine.</summary>
    Error,
}
