using SQLite;

namespace HealthStats.Etl.ApiTokens;

/// <summary>A row of the tokens table, as sqlite-net reads it (times in Unix milliseconds, UTC; specs comma-separated).</summary>
internal sealed class ApiTokenRow
{
    [Column("id")] public string Id { get; set; } = "";

    [Column("token_sha256")] public string TokenSha256 { get; set; } = "";

    [Column("specs")] public string Specs { get; set; } = "";

    [Column("label")] public string? Label { get; set; }

    [Column("created_at")] public long CreatedAt { get; set; }

    [Column("expires_at")] public long? ExpiresAt { get; set; }

    [Column("revoked_at")] public long? RevokedAt { get; set; }

    public ApiToken ToToken() => new(
        Id,
        Specs.Split(',', StringSplitOptions.RemoveEmptyEntries),
        Label,
        DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt),
        ExpiresAt is { } expires ? DateTimeOffset.FromUnixTimeMilliseconds(expires) : null,
        RevokedAt is { } revoked ? DateTimeOffset.FromUnixTimeMilliseconds(revoked) : null);
}
