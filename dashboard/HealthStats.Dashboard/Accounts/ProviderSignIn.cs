using HealthStats.Dashboard.Audit;
using HealthStats.Etl.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace HealthStats.Dashboard.Accounts;

/// <summary>
/// OpenID Connect sign-in with a provincial identity provider: the authorisation code flow, the
/// user's roles read from the configured claim, and a refusal (back on the sign-in page) for a
/// user the provider gives no HealthStats role.
/// </summary>
public static class ProviderSignIn
{
    public static void Configure(OpenIdConnectOptions options, OpenIdConnectSettings settings)
    {
        options.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        options.Authority = settings.Authority;
        options.ClientId = settings.ClientId;
        options.ClientSecret = settings.ClientSecret;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.UsePkce = true;
        options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        options.MapInboundClaims = false; // keep the provider's claim names, as RoleClaim names them
        options.SaveTokens = false;       // the cookie holds name and roles, not tokens
        options.GetClaimsFromUserInfoEndpoint = true;
        foreach (var scope in settings.Scopes)
            options.Scope.Add(scope);
        // Roles may come in the ID token or only from the user info endpoint: keep both.
        options.ClaimActions.MapJsonKey(settings.RoleClaim, settings.RoleClaim);
        options.ClaimActions.MapJsonKey(settings.NameClaim, settings.NameClaim);
        // The last event, after the user info: the cookie gets the name and HealthStats roles only.
        options.Events.OnTicketReceived = context =>
        {
            var claims = context.Principal?.Claims.ToList() ?? [];
            var roles = ProviderRoles.From(claims, settings);
            var name = claims.FirstOrDefault(c => c.Type == settings.NameClaim)?.Value
                ?? claims.FirstOrDefault(c => c.Type == "sub")?.Value;
            var audit = context.HttpContext.RequestServices.GetRequiredService<AuditLog>();
            if (roles.Count == 0 || name is null)
            {
                // The provider vouched for this name (it was not typed here), so it may be recorded.
                audit.Record(context.HttpContext, name ?? "unknown", AuditActions.SignInFailed, $"{SignInClaims.OpenIdConnectMethod}: no HealthStats role");
                // Handled, so that no cookie is issued (a failure here would still sign in).
                context.Response.Redirect("/Account/SignIn?failure=no-role");
                context.HandleResponse();
                return Task.CompletedTask;
            }
            audit.Record(context.HttpContext, name, AuditActions.SignIn, SignInClaims.OpenIdConnectMethod);
            context.Principal = SignInClaims.Principal(name, roles, SignInClaims.OpenIdConnectMethod);
            return Task.CompletedTask;
        };
        options.Events.OnRemoteFailure = context =>
        {
            context.HttpContext.RequestServices.GetRequiredService<AuditLog>()
                .Record(context.HttpContext, "unknown", AuditActions.SignInFailed, $"{SignInClaims.OpenIdConnectMethod}: the provider's answer was refused");
            context.Response.Redirect("/Account/SignIn?failure=provider");
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }
}
