namespace HealthStats.Etl.ApiTokens;

/// <summary>An extract API token as an admin sees it: never the token itself, which is stored only as a hash.</summary>
public sealed record ApiToken(
    string Id,
    IReadOnlyList<string> Specs,
    string? Label,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt)
{
    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt is { } expires && expires <= now;

    public bool IsRevoked => RevokedAt is not null;

    public bool IsValidAt(DateTimeOffset now) => !IsRevoked && !IsExpiredAt(now);

    public bool Allows(string spec) => Specs.Contains(spec, StringComparer.Ordinal);

    /// <summary>"active", "expired" or "revoked", as `tokens list` shows it.</summary>
    public string StateAt(DateTimeOffset now) => IsRevoked ? "revoked" : IsExpiredAt(now) ? "expired" : "active";
}
