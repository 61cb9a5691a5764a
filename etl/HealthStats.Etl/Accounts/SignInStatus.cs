namespace HealthStats.Etl.Accounts;

public enum SignInStatus
{
    Succeeded,

    /// <summary>No such user, or the wrong password: the two are not told apart, so that names cannot be probed.</summary>
    WrongCredentials,

    LockedOut,
}
