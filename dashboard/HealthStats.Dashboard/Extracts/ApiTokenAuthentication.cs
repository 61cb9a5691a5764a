using System.Security.Claims;
using System.Text.Encodings.Web;
using HealthStats.Etl.Accounts;
using HealthStats.Etl.ApiTokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace HealthStats.Dashboard.Extracts;

/// <summary>
/// Bearer tokens that `healthstats tokens issue` made: a valid token (known, not revoked, not expired)
/// signs the request in as the ministry role with a claim for each spec it may pull. The store is
/// read on every request, so a token revoked by the CLI is refused at its next request.
/// </summary>
internal sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenStore tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    /// <summary>The token's id: a principal with it is a token, limited to its specs.</summary>
    public const string TokenIdClaim = "healthstats:token";

    /// <summary>One per spec the token may pull.</summary>
    public const string SpecClaim = "healthstats:extract-spec";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken(Request) is not { } secret)
            return Task.FromResult(AuthenticateResult.NoResult());
        var token = tokens.Find(secret);
        var now = DateTimeOffset.UtcNow;
        // One answer for unknown, revoked and expired: the caller learns nothing about other tokens. The log says which.
        if (token is null || !token.IsValidAt(now))
        {
            Logger.LogInformation("Extract API token refused: {Reason}", token is null ? "unknown" : $"{token.Id} {token.StateAt(now)}");
            return Task.FromResult(AuthenticateResult.Fail("invalid token"));
        }
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, $"token:{token.Id}"),
            new(ClaimTypes.Name, $"token:{token.Id}"),
            new(ClaimTypes.AuthenticationMethod, SchemeName),
            new(ClaimTypes.Role, AccountRoles.Ministry),
            new(TokenIdClaim, token.Id),
        };
        claims.AddRange(token.Specs.Select(s => new Claim(SpecClaim, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = BearerToken(Request) is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        return Task.CompletedTask;
    }

    /// <summary>The token of an "Authorization: Bearer ..." header, or null.</summary>
    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }
}
