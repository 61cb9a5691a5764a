namespace HealthStats.Etl.Accounts;

/// <summary>A local account as an admin sees it (never its password hash).</summary>
public sealed record Account(
    string UserName,
    string Role,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSignInAt,
    int FailedSignIns,
    DateTimeOffset? LockedUntil)
{
    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;
}
