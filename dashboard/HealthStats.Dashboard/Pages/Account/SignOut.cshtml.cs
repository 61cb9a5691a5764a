using HealthStats.Dashboard.Accounts;
using HealthStats.Dashboard.Audit;
using HealthStats.Etl.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HealthStats.Dashboard.Pages.Account;

/// <summary>
/// Signs out of HealthStats (a POST with the form's anti-forgery token, so that another site cannot
/// sign a user out); a GET shows the button. A provider's own session is left to the provider.
/// </summary>
[Authorize(Roles = PageRoles.Everyone)]
public sealed class SignOutModel(AuditLog audit, ILogger<SignOutModel> logger) : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        var name = User.Identity?.Name;
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        logger.LogInformation("{User} signed out", name);
        if (name is not null)
            audit.Record(HttpContext, name, AuditActions.SignOut, "session");
        return RedirectToPage("/Account/SignIn", new { signedOut = 1 });
    }
}
