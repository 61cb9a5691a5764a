using HealthStats.Etl.ApiTokens;

namespace HealthStats.Etl.Audit;

/// <summary>
/// The extract API's and `healthstats tokens`' events, written to the audit log. A token's label is
/// left out (free text an admin typed); its id, specs and expiry say which token it was.
/// </summary>
public sealed class AuditExtractEvents(AuditLog log) : IExtractEvents
{
    /// <summary>Issued by the CLI: who is the operating-system user.</summary>
    public void TokenIssued(ApiToken token, string who) =>
        log.Append($"cli:{who}", AuditActions.TokenIssued,
            $"token {token.Id} for {string.Join(",", token.Specs)}, expires {(token.ExpiresAt is { } expires ? AuditChain.FormatTime(expires) : "never")}",
            AuditLog.CliSource());

    /// <summary>Revoked by the CLI: who is the operating-system user.</summary>
    public void TokenRevoked(string tokenId, string who) =>
        log.Append($"cli:{who}", AuditActions.TokenRevoked, $"token {tokenId}", AuditLog.CliSource());

    public void ExtractDownloaded(string spec, string who, string? from, string manifestSha256) =>
        log.Append(who, AuditActions.ExtractDownloaded, $"{spec} manifest sha256:{manifestSha256}", from ?? "unknown");

    public void ExtractProduced(string spec, string who, string from, string manifestSha256) =>
        log.Append(who, AuditActions.ExtractProduced, $"{spec} manifest sha256:{manifestSha256}", from);
}
