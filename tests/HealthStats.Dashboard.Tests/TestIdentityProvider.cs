using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HealthStats.Dashboard.Tests;

/// <summary>
/// A small but real OpenID Connect provider on its own port, for the dashboard's sign-in round trip:
/// discovery, an authorisation endpoint that signs in whoever the test names (no login form) and
/// answers by form_post, a token endpoint that checks the PKCE verifier and issues an RS256 ID token
/// with the nonce, a user info endpoint (which carries the roles) and the signing key's JWKS.
/// </summary>
internal sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "healthstats";
    public const string ClientSecret = "test-secret";

    private readonly WebApplication app;
    private readonly RsaSecurityKey signingKey = new(RSA.Create(2048)) { KeyId = "test-key" };
    private readonly ConcurrentDictionary<string, Grant> codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ProviderUser> accessTokens = new(StringComparer.Ordinal);

    private TestIdentityProvider()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapGet("/.well-known/openid-configuration", Discovery);
        app.MapGet("/jwks", () => Results.Json(new { keys = new[] { JsonWebKeyConverter.ConvertFromRSASecurityKey(signingKey) } }));
        app.MapGet("/authorize", Authorize);
        app.MapPost("/token", Token);
        app.MapGet("/userinfo", UserInfo);
    }

    /// <summary>The issuer: http://127.0.0.1:PORT.</summary>
    public string Authority { get; private set; } = "";

    /// <summary>Who the next authorisation signs in.</summary>
    public ProviderUser SignsIn { get; set; } = new("sub-1", "ada", ["HS-Analysts"]);

    /// <summary>Token requests whose PKCE verifier, client or redirect did not match, which a test expects to be none.</summary>
    public ConcurrentQueue<string> Refusals { get; } = new();

    public static async Task<TestIdentityProvider> StartAsync()
    {
        var provider = new TestIdentityProvider();
        await provider.app.StartAsync();
        var address = provider.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider.Authority = address.TrimEnd('/');
        return provider;
    }

    private IResult Discovery() => Results.Json(new Dictionary<string, object>
    {
        ["issuer"] = Authority,
        ["authorization_endpoint"] = $"{Authority}/authorize",
        ["token_endpoint"] = $"{Authority}/token",
        ["userinfo_endpoint"] = $"{Authority}/userinfo",
        ["jwks_uri"] = $"{Authority}/jwks",
        ["response_types_supported"] = new[] { "code" },
        ["response_modes_supported"] = new[] { "query", "form_post" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.RsaSha256 },
        ["code_challenge_methods_supported"] = new[] { "S256" },
        ["scopes_supported"] = new[] { "openid", "profile" },
    });

    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query;
        if (query["client_id"] != ClientId || query["response_type"] != "code" || query["code_challenge_method"] != "S256")
            return Results.BadRequest("unexpected authorisation request");
        var code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        codes[code] = new Grant(SignsIn, query["nonce"].ToString(), query["code_challenge"].ToString(), query["redirect_uri"].ToString());
        var fields = new Dictionary<string, string> { ["code"] = code, ["state"] = query["state"].ToString() };
        if (query["response_mode"] != "form_post")
            return Results.Redirect(QueryHelpers.AddQueryString(query["redirect_uri"].ToString(), fields!));
        // form_post: the browser posts the code back to the client, as a provider's page does.
        var inputs = string.Concat(fields.Select(f => $"<input type=\"hidden\" name=\"{f.Key}\" value=\"{System.Net.WebUtility.HtmlEncode(f.Value)}\"/>"));
        return Results.Content(
            $"<!DOCTYPE html><html><body onload=\"document.forms[0].submit()\"><form method=\"post\" action=\"{System.Net.WebUtility.HtmlEncode(query["redirect_uri"])}\">{inputs}</form></body></html>",
            "text/html; charset=utf-8");
    }

    private async Task<IResult> Token(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var clientId = form["client_id"].ToString();
        var secret = form["client_secret"].ToString();
        if (request.Headers.Authorization.ToString() is { Length: > 6 } basic && basic.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(basic[6..])).Split(':', 2);
            (clientId, secret) = (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1]));
        }
        if (form["grant_type"] != "authorization_code" || !codes.TryRemove(form["code"].ToString(), out var grant))
            return Refuse("unknown or reused code");
        if (clientId != ClientId || secret != ClientSecret)
            return Refuse("wrong client or secret");
        if (form["redirect_uri"] != grant.RedirectUri)
            return Refuse("redirect_uri differs from the authorisation request's");
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
        if (challenge != grant.CodeChallenge)
            return Refuse("PKCE verifier does not match the challenge");

        var now = DateTime.UtcNow;
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            Subject = new ClaimsIdentity([new Claim("sub", grant.User.Subject), new Claim("nonce", grant.Nonce)]),
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256),
        });
        var accessToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        accessTokens[accessToken] = grant.User;
        return Results.Json(new { access_token = accessToken, token_type = "Bearer", expires_in = 300, id_token = idToken });
    }

    // The name and roles come only from here, so the round trip proves the dashboard reads user info.
    private IResult UserInfo(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || !accessTokens.TryGetValue(header[7..], out var user))
            return Results.Unauthorized();
        return Results.Json(new Dictionary<string, object> { ["sub"] = user.Subject, ["preferred_username"] = user.Name, ["roles"] = user.Roles });
    }

    private IResult Refuse(string why)
    {
        Refusals.Enqueue(why);
        return Results.BadRequest(new { error = "invalid_grant", error_description = why });
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private sealed record Grant(ProviderUser User, string Nonce, string CodeChallenge, string RedirectUri);
}

/// <summary>A user of the test provider: subject, preferred_username and the provider's role values.</summary>
internal sealed record ProviderUser(string Subject, string Name, string[] Roles);
