using System.Security.Claims;
using System.Text.Json;
using HealthStats.Etl.Accounts;

namespace HealthStats.Dashboard.Accounts;

/// <summary>The HealthStats roles that an identity provider's role claims map to.</summary>
public static class ProviderRoles
{
    public static IReadOnlyList<string> From(IEnumerable<Claim> claims, OpenIdConnectSettings settings) =>
        claims.Where(c => c.Type == settings.RoleClaim)
            .SelectMany(c => Values(c.Value))
            .Select(v => settings.RoleMap.TryGetValue(v, out var mapped) ? mapped.Trim().ToLowerInvariant() : v)
            .Where(AccountRoles.IsKnown)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    // Providers send several roles as repeated claims, or as one claim holding a JSON array.
    private static IEnumerable<string> Values(string value)
    {
        if (!value.StartsWith('['))
            return [value];
        try
        {
            return JsonSerializer.Deserialize<string[]>(value) ?? [];
        }
        catch (JsonException)
        {
            return [value];
        }
    }
}
