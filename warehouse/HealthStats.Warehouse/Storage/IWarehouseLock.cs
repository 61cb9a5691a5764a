namespace HealthStats.Warehouse.Storage;

/// <summary>
/// Serialises the warehouse across processes that share a data directory (several workers). DuckDB
/// lets one process at a time open the file, and WriteGate only orders writers within a process: a
/// holder of <see cref="AcquireAsync"/> is the only process that may have the DuckDB file open.
/// A lock must be released by the death of its holder, so that a killed worker blocks no one.
/// </summary>
public interface IWarehouseLock
{
    /// <summary>Waits until no other process holds the warehouse; dispose to let the next one in.</summary>
    Task<IAsyncDisposable> AcquireAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Waits until no other process is landing a batch of this id. A batch's lake files are named by its id
    /// (the file's SHA-256), so two workers landing the same content under two names would write the same files.
    /// </summary>
    Task<IAsyncDisposable> ClaimBatchAsync(string batchId, CancellationToken cancellationToken);
}
