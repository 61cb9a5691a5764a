using System.Text.RegularExpressions;
using HealthStats.Etl.Accounts;

namespace HealthStats.Dashboard.Tests.Security;

public sealed partial class SecurityTests
{
    [Fact]
    public async Task EveryEndpoint_SendsTheSecurityHeaders_ToEveryCaller()
    {
        var callers = new Dictionary<string, HttpClient> { [AuthorizationMatrixTests.Anonymous] = Server.AnonymousClient() };
        foreach (var role in Roles)
            callers[role] = await SignInAsync(Server, role);
        var missing = new List<string>();
        try
        {
            foreach (var (endpoint, rule) in AuthorizationMatrixTests.Matrix)
            {
                var method = new HttpMethod(endpoint.Split(' ')[0]);
                foreach (var (caller, client) in callers)
                {
                    using var response = await client.SendAsync(new HttpRequestMessage(method, rule.Path));
                    foreach (var problem in HeaderProblems(response))
                        missing.Add($"{endpoint} as {caller} ({(int)response.StatusCode}): {problem}");
                }
            }
        }
        finally
        {
            callers[AuthorizationMatrixTests.Anonymous].Dispose();
        }
        Assert.Empty(missing);
    }

    [Fact]
    public async Task EveryPage_CompliesWithItsPolicy_NoScriptAndOnlyNoncedStyles()
    {
        foreach (var role in Roles)
        {
            var client = await SignInAsync(Server, role);
            foreach (var path in await PagesFor(role, client))
            {
                using var response = await client.GetAsync(path);
                if (response.Content.Headers.ContentType?.MediaType != "text/html")
                    continue;
                var html = await response.Content.ReadAsStringAsync();
                var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
                if (path.StartsWith("/hangfire", StringComparison.Ordinal))
                    continue; // Hangfire's own UI: a policy of its own (SecurityHeaders)
                var nonce = NoncePattern().Match(policy).Groups[1].Value;
                Assert.False(string.IsNullOrEmpty(nonce), $"{path}: no style nonce in {policy}");
                Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotMatch(OnHandler(), html);
                Assert.DoesNotMatch(StyleAttribute(), html);
                Assert.All(StyleElement().Matches(html), m => Assert.Equal(nonce, m.Groups[1].Value));
            }
        }
    }

    [Fact]
    public async Task SignInPage_CarriesTheHeaders_BeforeAnyoneSignsIn()
    {
        using var anonymous = Server.AnonymousClient();
        using var response = await anonymous.GetAsync("/Account/SignIn");

        Assert.Empty(HeaderProblems(response));
        Assert.Contains("frame-ancestors 'none'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    private static IEnumerable<string> HeaderProblems(HttpResponseMessage response)
    {
        string? Header(string name) => response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
            : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content) : null;

        var csp = Header("Content-Security-Policy");
        if (csp is null || !csp.Contains("default-src 'self'", StringComparison.Ordinal) || !csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal))
            yield return $"Content-Security-Policy: {csp}";
        if (Header("X-Content-Type-Options") != "nosniff")
            yield return "X-Content-Type-Options";
        if (Header("X-Frame-Options") != "DENY")
            yield return "X-Frame-Options";
        if (Header("Referrer-Policy") is not ("no-referrer" or "strict-origin"))
            yield return "Referrer-Policy";
        if (Header("Permissions-Policy") is null)
            yield return "Permissions-Policy";
        if (Header("Cross-Origin-Opener-Policy") != "same-origin")
            yield return "Cross-Origin-Opener-Policy";
        if (!(response.Headers.CacheControl?.NoStore ?? false))
            yield return $"Cache-Control: {response.Headers.CacheControl}";
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NoncePattern();

    [GeneratedRegex("<style(?: nonce=\"([^\"]*)\")?[^>]*>")]
    private static partial Regex StyleElement();

    [GeneratedRegex("<[a-zA-Z][^>]*\\sstyle=\"")]
    private static partial Regex StyleAttribute();

    [GeneratedRegex("<[a-zA-Z][^>]*\\son[a-z]+=\"")]
    private static partial Regex OnHandler();
}
