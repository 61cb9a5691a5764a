namespace HealthStats.Dashboard.Accounts;

/// <summary>The "HealthStats:Auth" section: lockout of local accounts, session length, and OpenID Connect.</summary>
public sealed class AuthOptions
{
    public const string Section = "HealthStats:Auth";

    /// <summary>Wrong passwords in a row that lock a local account.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Sign-in attempts (posts of the sign-in form) one network address may make per minute; more are
    /// answered 429. Lockout protects each account; this slows one address guessing across many accounts.
    /// </summary>
    public int SignInAttemptsPerMinutePerAddress { get; set; } = 30;

    /// <summary>How long a sign-in lasts without a request; each request renews it.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);

    public OpenIdConnectSettings OpenIdConnect { get; set; } = new();
}
