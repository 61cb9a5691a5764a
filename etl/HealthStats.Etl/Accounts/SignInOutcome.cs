namespace HealthStats.Etl.Accounts;

/// <summary>What a sign-in attempt came to; the account (with its role and stamp) only when it succeeded.</summary>
public sealed record SignInOutcome(SignInStatus Status, string? Role = null, string? SecurityStamp = null, DateTimeOffset? LockedUntil = null);
