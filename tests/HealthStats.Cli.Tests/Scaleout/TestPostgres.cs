using Npgsql;

namespace HealthStats.Cli.Tests.Scaleout;

/// <summary>A database of its own for one test, created on the server of $HEALTHSTATS_TEST_POSTGRES and dropped at the end.</summary>
internal sealed class TestPostgres : IDisposable
{
    private readonly string server;
    private readonly string name = $"hs_{Guid.NewGuid():N}";

    private TestPostgres(string server)
    {
        this.server = server;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>$HEALTHSTATS_TEST_POSTGRES, or null where it is not set.</summary>
    public static string? Server => Environment.GetEnvironmentVariable("HEALTHSTATS_TEST_POSTGRES") is { Length: > 0 } value ? value : null;

    /// <summary>The test database's connection string.</summary>
    public string ConnectionString { get; }

    public static TestPostgres Create()
    {
        var server = Server
            ?? throw new InvalidOperationException("HEALTHSTATS_REQUIRE_POSTGRES=1 but HEALTHSTATS_TEST_POSTGRES is not set: no PostgreSQL to test against");
        var database = new TestPostgres(server);
        database.Execute($"create database {database.name}");
        return database;
    }

    public void Dispose() => Execute($"drop database if exists {name} with (force)");

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
