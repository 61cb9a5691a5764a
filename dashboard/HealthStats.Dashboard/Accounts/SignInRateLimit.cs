using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace HealthStats.Dashboard.Accounts;

/// <summary>
/// A fixed window of sign-in attempts per client address: the sign-in page's posts only, so reading
/// the page is never limited. A refusal is 429 with Retry-After, and is logged without the user name.
/// </summary>
public static class SignInRateLimit
{
    public const string Policy = "sign-in-attempts";

    public static void AddSignInRateLimit(this IServiceCollection services, AuthOptions settings)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInRateLimit))
                    .LogWarning("Sign-in attempts from {Address} exceeded {Limit} a minute", context.HttpContext.Connection.RemoteIpAddress, settings.SignInAttemptsPerMinutePerAddress);
                return ValueTask.CompletedTask;
            };
            options.AddPolicy(Policy, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.SignInAttemptsPerMinutePerAddress,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter("reading"));
        });
    }
}
