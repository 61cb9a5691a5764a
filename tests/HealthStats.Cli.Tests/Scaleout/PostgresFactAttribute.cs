namespace HealthStats.Cli.Tests.Scaleout;

/// <summary>
/// A fact that needs a PostgreSQL server ($HEALTHSTATS_TEST_POSTGRES, a connection string with rights to create
/// databases): skipped where it is not set, unless HEALTHSTATS_REQUIRE_POSTGRES=1 (CI), where it fails instead.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestPostgres.Server is null && Environment.GetEnvironmentVariable("HEALTHSTATS_REQUIRE_POSTGRES") != "1")
            Skip = "no PostgreSQL: set HEALTHSTATS_TEST_POSTGRES to a connection string (HEALTHSTATS_REQUIRE_POSTGRES=1 fails instead)";
    }
}
