using System.Net;
using System.Security.Claims;
using HealthStats.Dashboard.Accounts;
using HealthStats.Etl.Accounts;
using HealthStats.TestSupport;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;

namespace HealthStats.Dashboard.Tests;

/// <summary>
/// OpenID Connect as configured in appsettings: offered only when set, and the provider's role
/// claims mapped to HealthStats roles. The round trip with a running provider is ProviderRoundTripTests.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ProviderSignInTests
{
    [Fact]
    public void ProviderRoles_MapTheConfiguredClaim_ThroughTheRoleMap_AndDropUnknownValues()
    {
        var settings = new OpenIdConnectSettings
        {
            RoleClaim = "roles",
            RoleMap = new Dictionary<string, string>(StringComparer.Ordinal) { ["HS-Analysts"] = "Analyst" },
        };
        Claim[] claims =
        [
            new("roles", "HS-Analysts"),
            new("roles", "superuser"),
            new("roles", "[\"ministry\",\"HS-Analysts\",\"other\"]"),
            new("groups", "admin"),
        ];

        var roles = ProviderRoles.From(claims, settings);

        Assert.Equal([AccountRoles.Analyst, AccountRoles.Ministry], roles);
        Assert.Empty(ProviderRoles.From([new Claim("roles", "superuser")], settings));
    }

    [Fact]
    public async Task SignInPage_OffersTheProvider_WhenAuthorityAndClientIdAreSet()
    {
        var settings = new Dictionary<string, string>
        {
            ["HealthStats:Auth:OpenIdConnect:Authority"] = "http://127.0.0.1:9/realms/health",
            ["HealthStats:Auth:OpenIdConnect:ClientId"] = "healthstats",
            ["HealthStats:Auth:OpenIdConnect:RequireHttpsMetadata"] = "false",
            ["HealthStats:Auth:OpenIdConnect:DisplayName"] = "Sign in with ProvinceID",
        };
        using var data = new TempDirectory("dashboard-oidc");
        using var server = new DashboardServer(data, ownsData: false, demo: false, settings);
        using var anonymous = server.AnonymousClient();

        var page = await anonymous.GetStringAsync("/Account/SignIn");
        var schemes = server.Services.GetRequiredService<IAuthenticationSchemeProvider>();

        Assert.Contains("id=\"sign-in-provider\">Sign in with ProvinceID</button>", page, StringComparison.Ordinal);
        Assert.NotNull(await schemes.GetSchemeAsync(OpenIdConnectDefaults.AuthenticationScheme));
        // The local form stays beside it, and the pages still ask for a sign-in.
        Assert.Contains("id=\"sign-in-form\"", page, StringComparison.Ordinal);
        using var home = await anonymous.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task SignInPage_OffersNoProvider_WhenNoneIsConfigured()
    {
        using var data = new TempDirectory("dashboard-no-oidc");
        using var server = new DashboardServer(data, ownsData: false, demo: false);
        using var anonymous = server.AnonymousClient();

        var page = await anonymous.GetStringAsync("/Account/SignIn");

        Assert.DoesNotContain("sign-in-provider", page, StringComparison.Ordinal);
        Assert.Null(await server.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(OpenIdConnectDefaults.AuthenticationScheme));
    }
}
