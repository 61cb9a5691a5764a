using System.Diagnostics;
using System.Globalization;

namespace HealthStats.Dashboard.Hosting;

/// <summary>
/// Says in a Server-Timing header how long the server spent on each response, so that a browser's
/// developer tools and `healthstats bench pages` see server time apart from the network's.
/// </summary>
public static class ServerTiming
{
    public static WebApplication UseServerTiming(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            context.Response.OnStarting(() =>
            {
                var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                context.Response.Headers.Append("Server-Timing", string.Create(CultureInfo.InvariantCulture, $"app;dur={milliseconds:F1}"));
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
