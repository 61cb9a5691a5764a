using System.Security.Claims;

namespace HealthStats.Dashboard.Extracts;

/// <summary>
/// Which specs a caller of the extract API may pull. A token: the specs it names. A signed-in
/// session (ministry or admin, as the policy lets through): every spec in the folder, as the
/// ministry role sees every aggregate page; an admin issues the tokens and may pull what they pull.
/// </summary>
internal static class ExtractAccess
{
    public static bool IsToken(ClaimsPrincipal user) => user.HasClaim(c => c.Type == ApiTokenAuthentication.TokenIdClaim);

    public static bool Allows(ClaimsPrincipal user, string spec) =>
        !IsToken(user) || user.HasClaim(ApiTokenAuthentication.SpecClaim, spec);

    /// <summary>Who, for the audit log: "token:ID" or the user's name.</summary>
    public static string Who(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}
