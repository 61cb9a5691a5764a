using System.Security.Cryptography;
using System.Text.RegularExpressions;
using HealthStats.Warehouse.Storage;
using HealthStats.Etl.Secrets;
using SQLite;

namespace HealthStats.Etl.Accounts;

/// <summary>
/// Local accounts in their own SQLite file (secrets/accounts.db, owner-only), not in the warehouse:
/// DuckDB lets one process write the warehouse and the running dashboard is that process, while
/// `healthstats users add` must work beside it. SQLite takes writers from both, one at a time.
/// The library is sqlite-net, which Hangfire's storage already brings: one SQLite in the process.
/// Each call opens its own connection, so the store is safe to share between requests.
/// </summary>
public sealed partial class AccountStore
{
    private const int MinimumPasswordLength = 12;

    // A hash of nothing, checked when the user is unknown, so that an unknown name costs the same
    // time as a wrong password and names cannot be told apart by the clock.
    private static readonly Lazy<string> UnknownUserHash = new(() => PasswordHash.Create(GeneratedPassword.New()));

    private readonly string path;

    public AccountStore(string path)
    {
        this.path = path;
        SecretsDatabase.EnsureOwnerOnly(path);
        using var connection = Open();
        connection.Execute("""
            create table if not exists accounts (
                user_name text primary key,
                role text not null,
                password_hash text not null,
                security_stamp text not null,
                failed_sign_ins integer not null default 0,
                locked_until integer,
                created_at integer not null,
                last_sign_in_at integer
            )
            """);
    }

    public static AccountStore Open(DataDirectory data)
    {
        OwnerOnly.CreateDirectory(data.SecretsDirectory);
        return new AccountStore(data.AccountsFile);
    }

    /// <summary>User names are compared without case and stored lower case: "Alice" and "alice" are one account.</summary>
    public static string NormalizeUserName(string userName)
    {
        var normalized = userName.Trim().ToLowerInvariant();
        return UserNamePattern().IsMatch(normalized) ? normalized
            : throw new ArgumentException($"invalid user name '{userName}': 1 to 64 letters, digits, '.', '_', '-' or '@', starting with a letter or digit");
    }

    public static void CheckPasswordStrength(string password)
    {
        if (password.Length < MinimumPasswordLength)
            throw new ArgumentException($"the password must have at least {MinimumPasswordLength} characters");
        if (password.Length > 256)
            throw new ArgumentException("the password must have at most 256 characters");
    }

    public int Count()
    {
        using var connection = Open();
        return connection.ExecuteScalar<int>("select count(*) from accounts");
    }

    /// <summary>Adds an account; an InvalidOperationException if the name is taken.</summary>
    public void Add(string userName, string role, string password)
    {
        var name = NormalizeUserName(userName);
        role = AccountRoles.Parse(role);
        CheckPasswordStrength(password);
        var hash = PasswordHash.Create(password);
        using var connection = Open();
        try
        {
            connection.Execute(
                "insert into accounts (user_name, role, password_hash, security_stamp, created_at) values (?, ?, ?, ?, ?)",
                name, role, hash, NewStamp(), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        }
        catch (SQLiteException ex) when (ex.Result == SQLite3.Result.Constraint)
        {
            throw new InvalidOperationException($"an account named '{name}' already exists");
        }
    }

    public IReadOnlyList<Account> List()
    {
        using var connection = Open();
        return connection.Query<AccountRow>("select * from accounts order by user_name").Select(r => r.ToAccount()).ToList();
    }

    public Account? Find(string userName)
    {
        using var connection = Open();
        return FindRow(connection, userName)?.ToAccount();
    }

    /// <summary>The role and security stamp a signed-in session must still match, or null when the account is gone.</summary>
    public (string Role, string SecurityStamp)? Session(string userName)
    {
        using var connection = Open();
        return FindRow(connection, userName) is { } row ? (row.Role, row.SecurityStamp) : null;
    }

    public bool Remove(string userName)
    {
        using var connection = Open();
        return connection.Execute("delete from accounts where user_name = ?", NormalizeUserName(userName)) == 1;
    }

    /// <summary>Sets a new password and unlocks; a new security stamp ends the account's open sessions.</summary>
    public bool SetPassword(string userName, string password)
    {
        CheckPasswordStrength(password);
        var hash = PasswordHash.Create(password);
        using var connection = Open();
        return connection.Execute(
            "update accounts set password_hash = ?, security_stamp = ?, failed_sign_ins = 0, locked_until = null where user_name = ?",
            hash, NewStamp(), NormalizeUserName(userName)) == 1;
    }

    public bool Unlock(string userName)
    {
        using var connection = Open();
        return connection.Execute("update accounts set failed_sign_ins = 0, locked_until = null where user_name = ?", NormalizeUserName(userName)) == 1;
    }

    /// <summary>
    /// Checks a password. Policy.MaxFailedSignIns wrong passwords in a row lock the account for
    /// policy.Duration; while it is locked even the right password is refused, and not counted.
    /// </summary>
    public SignInOutcome SignIn(string userName, string password, LockoutPolicy policy)
    {
        string name;
        try
        {
            name = NormalizeUserName(userName);
        }
        catch (ArgumentException)
        {
            PasswordHash.Verify(password, UnknownUserHash.Value);
            return new SignInOutcome(SignInStatus.WrongCredentials);
        }
        var now = DateTimeOffset.UtcNow;
        using var connection = Open();
        var row = FindRow(connection, name);
        if (row is null)
        {
            PasswordHash.Verify(password, UnknownUserHash.Value);
            return new SignInOutcome(SignInStatus.WrongCredentials);
        }
        var account = row.ToAccount();
        if (account.IsLockedAt(now))
            return new SignInOutcome(SignInStatus.LockedOut, LockedUntil: account.LockedUntil);

        // The slow hash runs outside the write lock, so a sign-in does not hold up the CLI.
        var matches = PasswordHash.Verify(password, row.PasswordHash);
        connection.Execute("begin immediate");
        try
        {
            var current = FindRow(connection, name);
            if (current is null)
            {
                connection.Execute("commit");
                return new SignInOutcome(SignInStatus.WrongCredentials);
            }
            if (current.ToAccount().IsLockedAt(now))
            {
                connection.Execute("commit");
                return new SignInOutcome(SignInStatus.LockedOut, LockedUntil: current.ToAccount().LockedUntil);
            }
            if (matches && current.PasswordHash == row.PasswordHash)
            {
                connection.Execute("update accounts set failed_sign_ins = 0, locked_until = null, last_sign_in_at = ? where user_name = ?", now.ToUnixTimeMilliseconds(), name);
                connection.Execute("commit");
                return new SignInOutcome(SignInStatus.Succeeded, current.Role, current.SecurityStamp);
            }
            var failures = current.FailedSignIns + 1;
            if (failures >= policy.MaxFailedSignIns)
            {
                var until = now + policy.Duration;
                connection.Execute("update accounts set failed_sign_ins = 0, locked_until = ? where user_name = ?", until.ToUnixTimeMilliseconds(), name);
                connection.Execute("commit");
                return new SignInOutcome(SignInStatus.LockedOut, LockedUntil: until);
            }
            connection.Execute("update accounts set failed_sign_ins = ? where user_name = ?", failures, name);
            connection.Execute("commit");
            return new SignInOutcome(SignInStatus.WrongCredentials);
        }
        catch
        {
            connection.Execute("rollback");
            throw;
        }
    }

    private SQLiteConnection Open() => SecretsDatabase.Open(path);

    private static AccountRow? FindRow(SQLiteConnection connection, string name) =>
        connection.Query<AccountRow>("select * from accounts where user_name = ?", name).FirstOrDefault();

    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    [GeneratedRegex("^[a-z0-9][a-z0-9._@-]{0,63}$")]
    private static partial Regex UserNamePattern();
}
