using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;

namespace HealthStats.Cli.Scaleout;

/// <summary>Hangfire as the workers share it: job storage in PostgreSQL, configured alike in every process that enqueues.</summary>
internal static class WorkerHangfire
{
    public const string InboxScan = "inbox-scan";

    /// <summary>Process-wide settings, as the dashboard makes them, so that jobs serialise alike wherever they were enqueued.</summary>
    public static void ConfigureProcess(params object[] filters)
    {
        var configuration = GlobalConfiguration.Configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            // An ingest that failed on a file fails the same way again: retrying only repeats the error.
            .UseFilter(new AutomaticRetryAttribute { Attempts = 0 });
        foreach (var filter in filters)
            configuration.UseFilter(filter);
    }

    /// <summary>
    /// The job storage. A job fetched by a worker stays invisible to the others for the invisibility timeout;
    /// sliding, the living worker keeps renewing it, so only a dead worker's job is taken over.
    /// </summary>
    public static JobStorage Storage(string connectionString, TimeSpan invisibilityTimeout)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = true,
            InvisibilityTimeout = invisibilityTimeout,
            UseSlidingInvisibilityTimeout = true,
            // The default polls every 15 s: a queued ingest would wait that long to start.
            QueuePollInterval = TimeSpan.FromSeconds(1),
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }
}
