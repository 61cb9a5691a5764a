using System.Security.Claims;

namespace HealthStats.Dashboard.Accounts;

/// <summary>What the sign-in cookie holds about a user, and how it was signed in.</summary>
public static class SignInClaims
{
    /// <summary>The account's security stamp: a reset password or a removed account ends the session.</summary>
    public const string SecurityStamp = "healthstats:stamp";

    public const string LocalMethod = "local";
    public const string OpenIdConnectMethod = "oidc";

    public static ClaimsPrincipal Principal(string userName, IEnumerable<string> roles, string method, string? securityStamp = null)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, userName),
            new(ClaimTypes.Name, userName),
            new(ClaimTypes.AuthenticationMethod, method),
        };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (securityStamp is not null)
            claims.Add(new Claim(SecurityStamp, securityStamp));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, method, ClaimTypes.Name, ClaimTypes.Role));
    }
}
