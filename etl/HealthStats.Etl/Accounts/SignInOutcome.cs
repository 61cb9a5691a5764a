namespace HealthStats.Etl.Accounts;

public enum SignInStatus
{
    Succeeded,

    /// <summary>No such user, or the wrong password: the two are not told apart, so that names cannot be probed.</summary>
    WrongCredentials,

    LockedOut,
}

/// <summary>What a sign-in attempt came to; the account (with its role and stamp) only when it succeeded.</summary>
public sealed record SignInOutcome(SignInStatus Status, string? Role = null, string? SecurityStamp = null, DateTimeOffset? LockedUntil = null);
