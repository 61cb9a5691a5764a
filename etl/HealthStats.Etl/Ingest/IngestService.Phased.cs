using System.Diagnostics;
using HealthStats.Etl.Ingest.Quarantine;
using HealthStats.Etl.Landing;
using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Ingest;

/// <summary>
/// The ingest of one file by one of several worker processes: the warehouse is held (and the DuckDB file
/// open) only to read what landing needs and, later, to apply the batch; landing in between runs beside
/// the other workers' landings. The batch claim keeps two workers from landing the same content at once.
/// </summary>
public sealed partial class IngestService
{
    private async Task<IngestSummary> IngestFileInPhasesAsync(string path, IWarehouseLock warehouse, IngestOptions options, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: no such file", path);
        var clock = Stopwatch.StartNew();
        var startedAt = DateTime.UtcNow;
        var sha = await FileHash.Sha256Async(path, cancellationToken);
        var batchId = sha[..16];
        var fileName = Path.GetFileName(path);
        var loader = new BatchLoader(database);
        await using var claim = await warehouse.ClaimBatchAsync(batchId, cancellationToken);

        LandingReferences? references;
        await using (await HoldAsync(warehouse, cancellationToken))
        {
            // A worker killed after its commit left the manifest pending; "already loaded" below must not leave it so.
            loader.RecoverInterrupted();
            if (loader.FindBySha256(sha) is { } earlier)
                return Summarise(earlier, "already_loaded", fileName, clock.Elapsed);
            references = LandingReferences.Load(database);
        }

        using var reader = AbstractSources.Open(path, options, out var sourceFile);
        using var quarantine = new QuarantineWriter(Path.Combine(data.QuarantineDirectory, $"batch-{batchId}.jsonl"), batchId, fileName, reader.Format);
        await using var lake = new LakeBatchWriter(data.LakeDirectory, batchId);
        var counts = new BatchCounter();
        IReadOnlyList<string> written = [];
        try
        {
            var landingStarted = DateTime.UtcNow;
            await LandAsync(reader, sourceFile, quarantine, lake, counts, references, options, cancellationToken);
            references = null; // garbage from here on, like the rest of landing's objects
            quarantine.Complete();
            written = await lake.CompleteAsync(cancellationToken);
            options.Landed?.Invoke(new LandingInterval(fileName, batchId, landingStarted, DateTime.UtcNow));
            var landedAt = clock.Elapsed;
            if (counts.Received >= 100_000)
                ReleaseLandingMemory();
            var landedFiles = Classify(written) with { QuarantineFile = quarantine.Count > 0 ? quarantine.Path : null };

            await using var held = await HoldAsync(warehouse, cancellationToken);
            // Workers claim a batch before landing it, so only a process that does not (a CLI ingest run on
            // the same directory against advice) can have loaded it meanwhile. Its lake and quarantine files
            // have the same names as this landing's, and the same content: deleting "ours" would delete its.
            if (loader.FindBySha256(sha) is { } meanwhile)
                return Summarise(meanwhile, "already_loaded", fileName, clock.Elapsed);
            var record = loader.Apply(counts.ToRecord(batchId, fileName, sha, reader.Format, startedAt), landedFiles);
            return Summarise(record, "loaded", fileName, clock.Elapsed) with
            {
                LandSeconds = Math.Round(landedAt.TotalSeconds, 3),
                WarehouseSeconds = Math.Round((clock.Elapsed - landedAt).TotalSeconds, 3),
            };
        }
        catch
        {
            quarantine.Discard();
            foreach (var file in written)
                File.Delete(file);
            throw;
        }
    }

    // The other processes' lock first, then the process's own gate (its other job threads): scoring takes the
    // lock and then the gate (inside the scorer), and taking them in another order here could deadlock two threads.
    private async Task<IAsyncDisposable> HoldAsync(IWarehouseLock warehouse, CancellationToken cancellationToken)
    {
        var held = await warehouse.AcquireAsync(cancellationToken);
        try
        {
            return new Held(await WriteGate.EnterAsync(data, cancellationToken), held);
        }
        catch
        {
            await held.DisposeAsync();
            throw;
        }
    }

    private sealed class Held(IDisposable gate, IAsyncDisposable warehouse) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                gate.Dispose();
            }
            finally
            {
                await warehouse.DisposeAsync();
            }
        }
    }
}
