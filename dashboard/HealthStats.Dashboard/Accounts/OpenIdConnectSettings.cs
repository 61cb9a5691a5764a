namespace HealthStats.Dashboard.Accounts;

/// <summary>A provincial identity provider; sign-in with it is offered only when Authority and ClientId are set.</summary>
public sealed class OpenIdConnectSettings
{
    /// <summary>The issuer, e.g. https://login.example.ca/realms/health: its /.well-known/openid-configuration is read.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The ID token claim that carries the user's roles (one claim per role, or a JSON array).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim shown as the user's name.</summary>
    public string NameClaim { get; set; } = "preferred_username";

    /// <summary>Provider role values to HealthStats roles; a value not here counts only if it is a HealthStats role's own name.</summary>
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Scopes beyond openid and profile, if the provider puts the roles claim behind one.</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>The button's words on the sign-in page.</summary>
    public string DisplayName { get; set; } = "Sign in with the provincial identity provider";

    /// <summary>Whether the provider must be reached over HTTPS (turn off only for a test provider on this machine).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
