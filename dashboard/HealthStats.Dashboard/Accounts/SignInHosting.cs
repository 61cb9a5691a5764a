using HealthStats.Etl.Accounts;
using HealthStats.Warehouse.Storage;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace HealthStats.Dashboard.Accounts;

public static class SignInHosting
{
    /// <summary>
    /// Cookie sign-in with local accounts, OpenID Connect when configured, and authorisation that
    /// refuses whatever does not declare its roles.
    /// </summary>
    public static WebApplicationBuilder AddHealthStatsSignIn(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(AuthOptions.Section);
        builder.Services.Configure<AuthOptions>(section);
        var settings = section.Get<AuthOptions>() ?? new AuthOptions();
        builder.Services.AddSingleton(sp => AccountStore.Open(sp.GetRequiredService<DataDirectory>()));
        builder.Services.AddSingleton<DemoAccounts>();
        builder.Services.AddSingleton(new DemoAccountsConsole(Console.Out));

        // Keys in the data directory (owner-only): sign-ins and forms survive a restart, and two
        // data directories on one machine do not share keys.
        builder.Services.AddDataProtection().SetApplicationName("HealthStats");
        builder.Services.AddOptions<KeyManagementOptions>().Configure<DataDirectory, ILoggerFactory>((options, data, loggers) =>
        {
            OwnerOnly.CreateDirectory(data.SecretsDirectory);
            OwnerOnly.CreateDirectory(data.DataProtectionKeysDirectory);
            options.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(data.DataProtectionKeysDirectory), loggers);
        });

        var authentication = builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = "HealthStats.SignIn";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = "/Account/SignIn";
                options.ExpireTimeSpan = settings.SessionIdleTimeout;
                options.SlidingExpiration = true;
                options.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
                // A signed-in user without the role gets 403 on the page asked for (shown by the
                // status page), not a redirect: a link or a download then fails where it is.
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });
        builder.Services.AddSignInRateLimit(settings);
        if (settings.OpenIdConnect.IsEnabled)
            authentication.AddOpenIdConnect(options => ProviderSignIn.Configure(options, settings.OpenIdConnect));

        // Declared roles or nothing (see PageRoles). The fallback also judges requests that match
        // no endpoint: those it lets through for a signed-in user, so that they get a 404, not a 403.
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .RequireAssertion(context => context.Resource is HttpContext http && http.GetEndpoint() is null)
                .Build());
        return builder;
    }

    public static WebApplication UseHealthStatsSignIn(this WebApplication app)
    {
        // A person gets a page saying why; the CLI's internal calls and the extract API keep their plain answers.
        app.UseWhen(
            context => !context.Request.Path.StartsWithSegments("/internal", StringComparison.Ordinal)
                && !HealthStats.Dashboard.Extracts.ExtractApi.IsApi(context.Request),
            branch => branch.UseStatusCodePagesWithReExecute("/Error/{0}"));
        // Routing after the status pages, so that a re-executed request finds the error page's endpoint.
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    public static LockoutPolicy Lockout(this AuthOptions options) => new(options.MaxFailedSignIns, options.LockoutDuration);
}
