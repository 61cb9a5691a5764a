using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Ingest;

/// <summary>
/// How an ingest holds the warehouse: the other processes' lock (workers only) and this process's own gate
/// (its other job threads). Without a lock the gate is held for the whole file; with one, only for a phase.
/// </summary>
public sealed partial class IngestService
{
    // The other processes' lock first, then the process's own gate: scoring takes the lock and then the gate
    // (inside the scorer), and taking them in another order here could deadlock two threads.
    private async Task<IAsyncDisposable> HoldAsync(CancellationToken cancellationToken)
    {
        var held = warehouseLock is null ? null : await warehouseLock.AcquireAsync(cancellationToken);
        try
        {
            return new Held(await WriteGate.EnterAsync(data, cancellationToken), held);
        }
        catch
        {
            if (held is not null)
                await held.DisposeAsync();
            throw;
        }
    }

    // A phase of a worker's ingest; nothing more for a process that holds the warehouse throughout.
    private async Task<IAsyncDisposable?> HoldPhaseAsync(CancellationToken cancellationToken) =>
        warehouseLock is null ? null : await HoldAsync(cancellationToken);

    private sealed class Held(IDisposable gate, IAsyncDisposable? warehouse) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                gate.Dispose();
            }
            finally
            {
                if (warehouse is not null)
                    await warehouse.DisposeAsync();
            }
        }
    }
}
