using System.Security.Cryptography;
using System.Text;
using HealthStats.Warehouse.Extracts;
using HealthStats.Warehouse.Storage;
using HealthStats.Etl.Secrets;
using SQLite;

namespace HealthStats.Etl.ApiTokens;

/// <summary>
/// Bearer tokens for the extract API in their own SQLite file (secrets/api-tokens.db, owner-only),
/// beside the accounts and for the same reason: `healthstats tokens` writes it while the dashboard
/// runs. A token is 256 random bits, shown once; only its SHA-256 is kept. A slow salted hash (as for
/// passwords) buys nothing against a secret that cannot be guessed, and SHA-256 lets a request find
/// its token by an indexed lookup. Each call opens its own connection, so the store is safe to share.
/// </summary>
public sealed class ApiTokenStore
{
    /// <summary>Every token starts with this, so that one pasted into a log or a chat is easy to recognise and grep for.</summary>
    public const string Prefix = "hs_";

    private readonly string path;

    public ApiTokenStore(string path)
    {
        this.path = path;
        SecretsDatabase.EnsureOwnerOnly(path);
        using var connection = Open();
        connection.Execute("""
            create table if not exists api_tokens (
                id text primary key,
                token_sha256 text not null unique,
                specs text not null,
                label text,
                created_at integer not null,
                expires_at integer,
                revoked_at integer
            )
            """);
    }

    public static ApiTokenStore Open(DataDirectory data)
    {
        OwnerOnly.CreateDirectory(data.SecretsDirectory);
        return new ApiTokenStore(data.ApiTokensFile);
    }

    /// <summary>Issues a token for the named specs; expiresIn null for a token that does not expire.</summary>
    public IssuedApiToken Issue(IEnumerable<string> specs, TimeSpan? expiresIn, string? label)
    {
        var names = specs.Select(s => ExtractSpecFolder.CheckName(s.Trim())).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
            throw new ArgumentException("a token must name at least one spec");
        if (expiresIn is { } span && span <= TimeSpan.Zero)
            throw new ArgumentException("a token must expire in the future");
        label = string.IsNullOrWhiteSpace(label) ? null : label.Trim();
        if (label is { Length: > 200 })
            throw new ArgumentException("the label must have at most 200 characters");

        var secret = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = DateTimeOffset.UtcNow;
        var row = new ApiTokenRow
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)),
            TokenSha256 = Hash(secret),
            Specs = string.Join(',', names),
            Label = label,
            CreatedAt = now.ToUnixTimeMilliseconds(),
            ExpiresAt = expiresIn is { } e ? (now + e).ToUnixTimeMilliseconds() : null,
        };
        using var connection = Open();
        connection.Execute(
            "insert into api_tokens (id, token_sha256, specs, label, created_at, expires_at) values (?, ?, ?, ?, ?, ?)",
            row.Id, row.TokenSha256, row.Specs, row.Label, row.CreatedAt, row.ExpiresAt);
        return new IssuedApiToken(row.ToToken(), secret);
    }

    public IReadOnlyList<ApiToken> List()
    {
        using var connection = Open();
        return connection.Query<ApiTokenRow>("select * from api_tokens order by created_at, id").Select(r => r.ToToken()).ToList();
    }

    /// <summary>The token a request presents, whatever its state (the caller judges expiry and revocation), or null when unknown.</summary>
    public ApiToken? Find(string secret)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal) || secret.Length > 100)
            return null;
        using var connection = Open();
        return connection.Query<ApiTokenRow>("select * from api_tokens where token_sha256 = ?", Hash(secret)).FirstOrDefault()?.ToToken();
    }

    /// <summary>Revokes a token at once (its next request is refused); false when there is no token of that id.</summary>
    public bool Revoke(string id)
    {
        using var connection = Open();
        connection.Execute("update api_tokens set revoked_at = ? where id = ? and revoked_at is null", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), id.Trim().ToLowerInvariant());
        return connection.ExecuteScalar<int>("select count(*) from api_tokens where id = ?", id.Trim().ToLowerInvariant()) == 1;
    }

    internal static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private SQLiteConnection Open() => SecretsDatabase.Open(path);
}
