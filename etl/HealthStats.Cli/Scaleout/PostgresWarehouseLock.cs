using System.Globalization;
using HealthStats.Warehouse.Storage;
using Npgsql;

namespace HealthStats.Cli.Scaleout;

/// <summary>
/// The warehouse lock of several workers: PostgreSQL session-level advisory locks, each on a connection of its
/// own that stays open while the lock is held. PostgreSQL ends the session of a process that dies, and with it
/// the lock, so a killed worker never leaves the warehouse locked (a file lock left by a pid would).
/// </summary>
internal sealed class PostgresWarehouseLock(string connectionString, Action<string> log) : IWarehouseLock
{
    // Two-key advisory locks: the first key is HealthStats' kind of lock, so they never meet another application's.
    private const int WarehouseKind = 0x48535748; // "HSWH"
    private const int BatchKind = 0x48534254; // "HSBT"

    // Unpooled: a pooled connection returned to the pool would keep its session, and the lock with it, or lose it to a reset.
    private readonly string unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    public async Task<IAsyncDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        var held = await LockAsync(WarehouseKind, 0, cancellationToken);
        log("warehouse held");
        return new Released(held, () => log("warehouse releasing"));
    }

    public async Task<IAsyncDisposable> ClaimBatchAsync(string batchId, CancellationToken cancellationToken)
    {
        // Batch ids are hex digits of a SHA-256; two ids sharing their first 8 only wait for each other.
        var key = int.Parse(batchId[..8], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var held = await LockAsync(BatchKind, key, cancellationToken);
        log($"batch {batchId} claimed");
        return new Released(held, () => log($"batch {batchId} releasing"));
    }

    private async Task<IAsyncDisposable> LockAsync(int kind, int key, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(unpooled);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("select pg_advisory_lock(@kind, @key)", connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("kind", kind);
            command.Parameters.AddWithValue("key", key);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new Session(connection, kind, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private sealed class Session(NpgsqlConnection connection, int kind, int key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("select pg_advisory_unlock(@kind, @key)", connection);
                command.Parameters.AddWithValue("kind", kind);
                command.Parameters.AddWithValue("key", key);
                await command.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException)
            {
                // The session is gone already, and its locks with it.
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }

    // Logged before the unlock, so that in the merged logs of several workers one's "releasing" always comes
    // before the next one's "held".
    private sealed class Released(IAsyncDisposable session, Action before) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            before();
            await session.DisposeAsync();
        }
    }
}
