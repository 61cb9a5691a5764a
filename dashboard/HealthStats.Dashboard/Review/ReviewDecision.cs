namespace HealthStats.Dashboard.Review;

/// <summary>What the decision form posts: miscoded with an error type and, optionally, the right codes; or correct.</summary>
public sealed class ReviewDecision
{
    public const string Miscoded = "miscoded";
    public const string Correct = "correct";

    public string? Outcome { get; set; }

    public string? ErrorType { get; set; }

    /// <summary>The right diagnosis codes as code:type separated by ';' (formats.md section 3), e.g. J44.1:M;J18.9:1.</summary>
    public string? CorrectedCodes { get; set; }
}
