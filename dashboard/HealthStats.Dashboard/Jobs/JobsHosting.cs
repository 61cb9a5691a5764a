using Hangfire;
using Hangfire.Storage.SQLite;
using HealthStats.Dashboard.Accounts;
using HealthStats.Warehouse.Storage;
using Microsoft.AspNetCore.Authorization;

namespace HealthStats.Dashboard.Jobs;

public static class JobsHosting
{
    /// <summary>
    /// Hangfire with its storage in the data directory (SQLite), so that job history and queued
    /// jobs survive a restart, and a server in this process to run them.
    /// </summary>
    public static WebApplicationBuilder AddHealthStatsJobs(this WebApplicationBuilder builder)
    {
        builder.Services.AddHangfire((sp, configuration) =>
        {
            var data = sp.GetRequiredService<DataDirectory>();
            data.EnsureCreated();
            configuration
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseSQLiteStorage(data.HangfireFile, new SQLiteStorageOptions
                {
                    // The default polls every 15 s: a queued ingest would wait that long to start.
                    QueuePollInterval = TimeSpan.FromSeconds(1),
                });
            // An ingest that failed on a file fails the same way again: retrying only repeats the error.
            configuration.UseFilter(new AutomaticRetryAttribute { Attempts = 0 });
        });
        builder.Services.AddHostedService<RecurringJobs>();
        builder.Services.AddHangfireServer(options =>
        {
            // Warehouse writes are serialised anyway (one DuckDB writer); two workers let a
            // short job run beside a long ingest.
            options.WorkerCount = 2;
            options.SchedulePollingInterval = TimeSpan.FromSeconds(1);
        });
        return builder;
    }

    public static WebApplication MapHealthStatsJobs(this WebApplication app)
    {
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
            {
                DisplayStorageConnectionString = false,
                Authorization = [new AdminOnlyDashboardFilter()],
                AppPath = "/",
            })
            .RequireAuthorization(new AuthorizeAttribute { Roles = PageRoles.Admin });
        return app;
    }
}
