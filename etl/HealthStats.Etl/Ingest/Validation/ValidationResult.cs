namespace HealthStats.Etl.Ingest.Validation;

public sealed record ValidationResult(ValidAbstract? Abstract, IReadOnlyList<ValidationIssue> Issues)
{
    public bool IsRejected => Abstract is null;

    /// <summary>The first hard error: the reason a rejected record is counted under.</summary>
    public ValidationIssue? FirstError => Issues.FirstOrDefault(i => i.Severity == Severity.Error);
}
