using System.Net;
using System.Text.RegularExpressions;

namespace HealthStats.Etl.Benchmarks;

/// <summary>
/// Signs in to a dashboard through its sign-in form, as a browser does (the form's anti-forgery
/// token, then the cookie), and hands back a client that holds the session. Redirects are not
/// followed, so that a page that sends the client to sign in shows as such.
/// </summary>
public static partial class DashboardSignIn
{
    public static HttpClient Anonymous(Uri baseAddress, TimeSpan timeout) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
            Timeout = timeout,
        };

    public static async Task<HttpClient> SignInAsync(Uri baseAddress, string userName, string password, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var http = Anonymous(baseAddress, timeout);
        try
        {
            var form = await http.GetStringAsync("/Account/SignIn", cancellationToken);
            var token = TokenPattern().Match(form);
            if (!token.Success)
                throw new InvalidOperationException($"{baseAddress}Account/SignIn shows no sign-in form");
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = userName,
                ["Password"] = password,
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            });
            using var response = await http.PostAsync("/Account/SignIn", content, cancellationToken);
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                var page = await response.Content.ReadAsStringAsync(cancellationToken);
                var error = ErrorPattern().Match(page);
                throw new InvalidOperationException($"signing in as {userName} failed: " +
                    (error.Success ? WebUtility.HtmlDecode(error.Groups[1].Value.Trim()) : $"{(int)response.StatusCode} {response.ReasonPhrase}"));
            }
            return http;
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("id=\"sign-in-error\"[^>]*>([^<]+)<")]
    private static partial Regex ErrorPattern();
}
