using System.ComponentModel.DataAnnotations;
using HealthStats.Dashboard.Accounts;
using HealthStats.Dashboard.Audit;
using HealthStats.Etl.Audit;
using HealthStats.Etl.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace HealthStats.Dashboard.Pages.Account;

/// <summary>Sign-in with a local account, or with the provincial identity provider where one is configured.</summary>
[AllowAnonymous]
[EnableRateLimiting(SignInRateLimit.Policy)]
public sealed class SignInModel(AccountStore accounts, AuditLog audit, IOptions<AuthOptions> options, ILogger<SignInModel> logger) : PageModel
{
    // Nullable: an empty field binds as null, and is answered with a message, not a 400.
    [BindProperty]
    [Display(Name = "User name")]
    public string? UserName { get; set; }

    [BindProperty]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public OpenIdConnectSettings Provider => options.Value.OpenIdConnect;

    public void OnGet(string? failure)
    {
        Error = failure switch
        {
            "provider" => "The identity provider did not sign you in. Try again, or use a local account.",
            "no-role" => "The identity provider signed you in, but gave you no HealthStats role. Ask your administrator for one.",
            _ => null,
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            Error = "Enter your user name and password.";
            return Page();
        }
        var outcome = accounts.SignIn(UserName, Password, options.Value.Lockout());
        switch (outcome.Status)
        {
            case SignInStatus.Succeeded:
                var name = AccountStore.NormalizeUserName(UserName);
                // Recorded before the session is made: a sign-in the log cannot hold does not happen.
                audit.Record(HttpContext, name, AuditActions.SignIn, SignInClaims.LocalMethod);
                await HttpContext.SignInAsync(
                    CookieAuthenticationDefaults.AuthenticationScheme,
                    SignInClaims.Principal(name, [outcome.Role!], SignInClaims.LocalMethod, outcome.SecurityStamp));
                logger.LogInformation("{User} signed in ({Role})", name, outcome.Role);
                return LocalRedirect(SafeReturnUrl());
            case SignInStatus.LockedOut:
                // Only an existing account can be locked, so its name may be logged; a failed
                // attempt's name is not: it is sometimes a password typed in the wrong box.
                logger.LogWarning("Sign-in refused: {User} is locked until {Until:u}", AccountStore.NormalizeUserName(UserName), outcome.LockedUntil);
                audit.Record(HttpContext, AccountStore.NormalizeUserName(UserName), AuditActions.SignInFailed, $"{SignInClaims.LocalMethod}: locked out");
                Error = $"This account is locked after {options.Value.MaxFailedSignIns} failed sign-ins, until {outcome.LockedUntil:yyyy-MM-dd HH:mm} UTC. Try again then, or ask an administrator to unlock it.";
                break;
            default:
                logger.LogWarning("A sign-in failed: wrong user name or password");
                RecordFailure(UserName);
                Error = "Wrong user name or password.";
                break;
        }
        Password = "";
        return Page();
    }

    public IActionResult OnPostProvider()
    {
        if (!Provider.IsEnabled)
            return NotFound();
        return Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl() }, OpenIdConnectDefaults.AuthenticationScheme);
    }

    // The typed name is recorded only when it is an account's: otherwise it may be a password typed
    // in the wrong box. The audit log is for admins, so telling a wrong password from an unknown
    // name there gives nothing away to whoever is signing in.
    private void RecordFailure(string typed)
    {
        var existing = Normalized(typed) is { } name && accounts.Find(name) is not null ? name : null;
        audit.Record(HttpContext, existing ?? "unknown", AuditActions.SignInFailed,
            existing is null ? $"{SignInClaims.LocalMethod}: no such account" : $"{SignInClaims.LocalMethod}: wrong password");
    }

    private static string? Normalized(string typed)
    {
        try
        {
            return AccountStore.NormalizeUserName(typed);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    // Only a path on this site: a sign-in link must not send the user elsewhere afterwards.
    private string SafeReturnUrl() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
}
