using HealthStats.Etl.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace HealthStats.Dashboard.Accounts;

/// <summary>
/// Checks on every request that a local account still exists with the same role and security
/// stamp, so that `healthstats users remove` or `users reset` ends its sessions at once (one
/// indexed read of a small SQLite file). Provider sign-ins are the provider's to end.
/// </summary>
public static class SessionValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (principal?.FindFirst(System.Security.Claims.ClaimTypes.AuthenticationMethod)?.Value != SignInClaims.LocalMethod)
            return;
        var store = context.HttpContext.RequestServices.GetRequiredService<AccountStore>();
        var session = principal.Identity?.Name is { } name ? store.Session(name) : null;
        if (session is { } current
            && current.SecurityStamp == principal.FindFirst(SignInClaims.SecurityStamp)?.Value
            && principal.IsInRole(current.Role))
            return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
