using HealthStats.Warehouse.Lake;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Jobs;

/// <summary>
/// Merges the lake's small files (a recurring job). It takes the data directory's write gate, so no
/// batch lands while files move; safe to run twice, as a second run finds nothing small to merge.
/// </summary>
public sealed class LakeCompactionJob(WarehouseDatabase database)
{
    public async Task<CompactionResult> RunAsync(CancellationToken cancellationToken)
    {
        using var gate = await WriteGate.EnterAsync(database.DataDirectory, cancellationToken);
        return LakeCompaction.Run(database);
    }
}
