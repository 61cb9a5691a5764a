using System.Security.Cryptography;

namespace HealthStats.Dashboard.Security;

/// <summary>
/// Headers on every response that tell the browser what the pages may do: load only their own
/// resources, run no script (the dashboard has none), never be framed, send no referrer (query strings
/// name facilities and abstracts), and keep nothing of a signed-in answer in its cache (pages show
/// record-level data, and a shared workstation's cache outlives the session).
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "HealthStats.StyleNonce";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            // Hex, not base64: it goes into an HTML attribute unchanged by encoding.
            var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy(context.Request.Path, nonce);
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Cross-Origin-Resource-Policy"] = "same-origin";
                // Every answer but the sign-in page's static parts may carry record-level or
                // per-user data; none is worth caching at the price of leaving it on a disk.
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    /// <summary>The nonce that lets a page's own &lt;style&gt; block through the policy.</summary>
    public static string StyleNonce(this HttpContext context) =>
        context.Items[NonceKey] as string ?? throw new InvalidOperationException("UseSecurityHeaders has not run for this request.");

    private static string ContentSecurityPolicy(PathString path, string nonce) =>
        path.StartsWithSegments("/hangfire")
            // Hangfire's dashboard is a third-party UI with its own inline script and styles: admins
            // only, and still framed by no one and loading nothing from elsewhere.
            ? "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
            // No form-action: chromium applies it to the redirect after a form, and the provider
            // sign-in button's redirect goes to the identity provider's host.
            : $"default-src 'self'; script-src 'none'; style-src 'self' 'nonce-{nonce}'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
}
