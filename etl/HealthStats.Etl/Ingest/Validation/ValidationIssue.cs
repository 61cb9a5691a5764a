namespace HealthStats.Etl.Ingest.Validation;

/// <summary>
/// One finding on one record: the rule, the field it concerns and a message a health-records
/// technician understands. Messages never quote personal data (chart or health card numbers,
/// birth dates, postal codes), because issues travel into summaries and logs.
/// </summary>
public sealed record ValidationIssue(ValidationRule Rule, string Field, string Message)
{
    public Severity Severity => Rule.Severity;

    public override string ToString() => $"{Rule.Id} {Field}: {Message}";
}
