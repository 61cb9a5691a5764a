using System.Collections.Concurrent;

namespace HealthStats.Warehouse.Storage;

/// <summary>
/// Serialises warehouse writes within a process. DuckDB allows one writing process with many
/// connections, but two batches applied at once would race for batch sequence numbers and mart
/// rebuilds; one gate per data directory keeps them in order.
/// </summary>
public static class WriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static async Task<IDisposable> EnterAsync(DataDirectory dataDirectory, CancellationToken cancellationToken)
    {
        var gate = Gates.GetOrAdd(dataDirectory.Root, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    /// <summary>For synchronous writers that run outside any ingest (the warehouse's setup and model rebuilds).</summary>
    public static IDisposable Enter(DataDirectory dataDirectory)
    {
        var gate = Gates.GetOrAdd(dataDirectory.Root, _ => new SemaphoreSlim(1, 1));
        gate.Wait();
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
                gate.Release();
        }
    }
}
