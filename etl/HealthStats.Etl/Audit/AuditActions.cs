namespace HealthStats.Etl.Audit;

/// <summary>What an audit entry records; a closed list, so that a filter or a report can name them all.</summary>
public static class AuditActions
{
    public const string SignIn = "sign-in";

    /// <summary>A refused sign-in: the account's name only when the account exists, never a typed name.</summary>
    public const string SignInFailed = "sign-in-failed";

    public const string SignOut = "sign-out";

    public const string ExtractProduced = "extract-produced";

    public const string ExtractDownloaded = "extract-downloaded";

    public const string TokenIssued = "token-issued";

    public const string TokenRevoked = "token-revoked";

    /// <summary>A view of a record-level page; the target names the page and a pseudonymous key, never the record's content.</summary>
    public const string RecordView = "record-view";

    /// <summary>A supervisor's decision on a flagged abstract; the target names the abstract, the outcome and the error type.</summary>
    public const string ReviewDecision = "review-decision";

    public static readonly IReadOnlyList<string> All =
        [SignIn, SignInFailed, SignOut, ExtractProduced, ExtractDownloaded, TokenIssued, TokenRevoked, RecordView, ReviewDecision];
}
