using HealthStats.Dashboard.Accounts;
using HealthStats.Etl.ApiTokens;
using HealthStats.Etl.Audit;
using HealthStats.Warehouse.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HealthStats.Dashboard.Audit;

public static class AuditHosting
{
    /// <summary>The data directory's audit log, shared by every request (each call opens its own connection).</summary>
    public static WebApplicationBuilder AddHealthStatsAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => AuditLog.Open(sp.GetRequiredService<DataDirectory>()));
        // Replaces the extract API's stand-in whichever is added first: downloads go to the log.
        builder.Services.Replace(ServiceDescriptor.Singleton<IExtractEvents>(sp => new AuditExtractEvents(sp.GetRequiredService<AuditLog>())));
        return builder;
    }

    /// <summary>The whole log as CSV, for admins (the JSON Lines copy to re-verify comes from `healthstats audit export`).</summary>
    public static WebApplication MapAuditExport(this WebApplication app)
    {
        app.MapGet("/Audit/export.csv", (AuditLog audit, HttpContext context) =>
            {
                context.Response.Headers.ContentDisposition = "attachment; filename=\"audit-log.csv\"";
                context.Response.Headers.CacheControl = "no-store";
                return Results.Text(AuditExport.Csv(audit.List()), "text/csv; charset=utf-8");
            })
            .RequireAuthorization(new AuthorizeAttribute { Roles = PageRoles.Admin });
        return app;
    }

    /// <summary>
    /// Where a request came from, as the audit log records it: the peer's address (the dashboard
    /// does not trust forwarded headers, so behind a proxy this is the proxy).
    /// </summary>
    public static string Source(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Appends an entry for a request, from its address.</summary>
    public static void Record(this AuditLog audit, HttpContext context, string actor, string action, string target) =>
        audit.Append(actor, action, target, Source(context));
}
