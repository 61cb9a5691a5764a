using SQLite;

namespace HealthStats.Etl.Accounts;

/// <summary>A row of the accounts table, as sqlite-net reads it (times in Unix milliseconds, UTC).</summary>
internal sealed class AccountRow
{
    [Column("user_name")] public string UserName { get; set; } = "";

    [Column("role")] public string Role { get; set; } = "";

    [Column("password_hash")] public string PasswordHash { get; set; } = "";

    [Column("security_stamp")] public string SecurityStamp { get; set; } = "";

    [Column("failed_sign_ins")] public int FailedSignIns { get; set; }

    [Column("locked_until")] public long? LockedUntil { get; set; }

    [Column("created_at")] public long CreatedAt { get; set; }

    [Column("last_sign_in_at")] public long? LastSignInAt { get; set; }

    public Account ToAccount() => new(
        UserName,
        Role,
        DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt),
        LastSignInAt is { } last ? DateTimeOffset.FromUnixTimeMilliseconds(last) : null,
        FailedSignIns,
        LockedUntil is { } until ? DateTimeOffset.FromUnixTimeMilliseconds(until) : null);
}
