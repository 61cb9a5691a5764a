namespace HealthStats.Etl.ApiTokens;

/// <summary>
/// What the extract API and `healthstats tokens` report for the audit log: each event is reported
/// from exactly one place. The audit log implements this (HealthStats.Etl.Audit.AuditExtractEvents);
/// <see cref="NoExtractEvents"/> is the stand-in where no audit log is wired.
/// </summary>
public interface IExtractEvents
{
    /// <summary>A token was issued (by the CLI: who is the operating-system user).</summary>
    void TokenIssued(ApiToken token, string who);

    /// <summary>A token was revoked (by the CLI).</summary>
    void TokenRevoked(string tokenId, string who);

    /// <summary>An extract was produced and sent through the API: who is "token:ID" or the signed-in user; from is the remote address.</summary>
    void ExtractDownloaded(string spec, string who, string? from, string manifestSha256);

    /// <summary>An extract was produced into a folder by the dashboard (a scheduled job: who is "job:extract").</summary>
    void ExtractProduced(string spec, string who, string from, string manifestSha256);
}
