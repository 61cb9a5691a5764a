using System.Diagnostics;
using HealthStats.Etl.CodingQuality;
using HealthStats.Etl.Deidentification;
using HealthStats.Etl.Ingest.Quarantine;
using HealthStats.Etl.Ingest.Validation;
using HealthStats.Etl.Landing;
using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Classification;
using HealthStats.Warehouse.CodeEdits;
using HealthStats.Warehouse.Reference;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Ingest;

/// <summary>
/// Ingests abstract files: validates each record, quarantines the rejected ones with their reasons,
/// de-identifies the rest, lands them in the Parquet lake and applies the batch to the warehouse.
/// A file is a batch, identified by its SHA-256: the same file twice changes nothing.
/// With a <paramref name="warehouseLock"/> (several worker processes on one data directory), the warehouse
/// is held only to read what landing needs and to apply the batch, and landing runs beside other workers'.
/// </summary>
public sealed partial class IngestService(WarehouseDatabase database, Pseudonymiser pseudonymiser,
    ValidationOptions? validationOptions = null, IWarehouseLock? warehouseLock = null)
{
    private readonly DataDirectory data = database.DataDirectory;

    public async Task<IngestTotals> IngestFilesAsync(IEnumerable<string> paths, IngestOptions options, CancellationToken cancellationToken)
    {
        var summaries = new List<IngestSummary>();
        var failed = new List<FailedFile>();
        foreach (var path in paths)
        {
            try
            {
                var summary = await IngestFileAsync(path, options, cancellationToken);
                summaries.Add(summary);
                if (summary.Status == "loaded" && options.ScoreAfterBatch)
                {
                    // Scoring reads and writes the warehouse: under the cross-process lock too, when there is one
                    // (the scorer takes the process's own gate itself).
                    await using var held = warehouseLock is null ? null : await warehouseLock.AcquireAsync(cancellationToken);
                    await ScoreBatchAsync(options.FirstAnomalyModelAt, cancellationToken);
                }
            }
            catch (Exception ex) when (ex is AbstractFormatException or IOException or UnauthorizedAccessException)
            {
                failed.Add(new FailedFile(path, ex.Message));
            }
        }
        return IngestTotals.Of(summaries, failed);
    }

    // After the batch is committed, outside IngestFileAsync (which bench ingest times): a scoring failure
    // leaves the batch loaded, and the next batch, train or flag scores what was missed.
    private async Task ScoreBatchAsync(long? firstAnomalyModelAt, CancellationToken cancellationToken)
    {
        try
        {
            var enough = false;
            if (firstAnomalyModelAt is { } minimum)
            {
                using var connection = database.OpenConnection();
                enough = connection.Scalar<long>("select count(*) from marts.fct_abstracts") >= minimum;
            }
            await new CodingScorer(database).ScoreUnscoredAsync(trainAnomalyWhenMissing: enough, cancellationToken);
        }
        // ArgumentException: ML.NET's PCA refuses a warehouse whose abstracts are all alike ("eigenvectors contained
        // NaN values"), as a file of one row repeated makes it; that must not turn a loaded batch into a failed run.
        catch (Exception ex) when (ex is InvalidOperationException or IOException or DuckDB.NET.Data.DuckDBException or FormatException or ArgumentException)
        {
            Trace.TraceWarning($"Scoring after the batch failed: {ex.Message}");
        }
    }

    /// <remarks>
    /// One process owning the warehouse (dashboard, CLI) holds it from the hash check to the commit, so that its
    /// batches land one at a time. A worker (with a warehouse lock) holds it only in the two phases marked below:
    /// reading what landing needs, and applying the batch; its landing runs beside the other workers'.
    /// </remarks>
    public async Task<IngestSummary> IngestFileAsync(string path, IngestOptions options, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: no such file", path);
        var clock = Stopwatch.StartNew();
        var startedAt = DateTime.UtcNow;
        var sha = await FileHash.Sha256Async(path, cancellationToken);
        var batchId = sha[..16];
        var fileName = Path.GetFileName(path);
        var loader = new BatchLoader(database, options.ModelBuilt);
        await using var claim = warehouseLock is null ? null : await warehouseLock.ClaimBatchAsync(batchId, cancellationToken);
        await using var throughout = warehouseLock is null ? await HoldAsync(cancellationToken) : null;

        LandingReferences? references;
        await using (await HoldPhaseAsync(cancellationToken))
        {
            // A run killed after its commit left the manifest pending; "already loaded" below must not leave it so.
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
                ReleaseLandingMemory(); // a small batch leaves too little to be worth a full collection in a web server
            var landedFiles = Classify(written) with { QuarantineFile = quarantine.Count > 0 ? quarantine.Path : null };

            await using var held = await HoldPhaseAsync(cancellationToken);
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
            // Nothing of a batch that did not land may stay behind: neither lake files nor quarantine.
            quarantine.Discard();
            foreach (var file in written)
                File.Delete(file);
            throw;
        }
    }

    // Validates, de-identifies and lands every record of the file, or quarantines it. Its own method so
    // that what only landing needs (the classification, the file's keys) is garbage once it returns.
    private async Task LandAsync(IAbstractSource reader, FileStream sourceFile, QuarantineWriter quarantine, LakeBatchWriter lake,
        BatchCounter counts, LandingReferences references, IngestOptions options, CancellationToken cancellationToken)
    {
        var validator = new AbstractValidator(references.CodeLists, references.Classification, validationOptions, references.Edits);
        var deidentifier = new Deidentifier(pseudonymiser);
        var deaths = references.Deaths;
        var keys = new DuplicateKeyDetector();
        var heap = new LandingHeapBudget();
        var fileName = reader.FileName;
        await foreach (var (raw, checkedResult, landed) in ParallelChecking.ReadAsync(reader, validator, deidentifier, cancellationToken))
        {
            counts.Received++;
            heap.Tick();
            var result = checkedResult;
            if (!result.IsRejected && keys.FirstLineOf(result.Abstract!) is long firstLine)
                result = result with
                {
                    Abstract = null,
                    Issues = [.. result.Issues, new ValidationIssue(ValidationRules.DuplicateKey, AbstractColumns.AbstractId,
                        $"facility {result.Abstract!.FacilityId} abstract {result.Abstract.AbstractId} already appears at line {firstLine} of this file")],
                };
            if (result.IsRejected)
            {
                quarantine.Add(raw, result.Issues);
                counts.Quarantine(result.FirstError!.Rule.Id);
                continue;
            }
            var valid = result.Abstract!;
            if (landed is not null)
            {
                if (deaths.Check(landed.PatientKey, valid) is { } afterDeath)
                {
                    quarantine.Add(raw, [.. result.Issues, afterDeath]);
                    counts.Quarantine(afterDeath.Rule.Id);
                    continue;
                }
                if (valid.DischargeDisposition == "07")
                    deaths.Record(landed.PatientKey, valid.DischargeDate, valid.FacilityId, valid.AbstractId);
            }
            counts.Loaded++;
            foreach (var warning in result.Issues)
                counts.Warn(warning.Rule.Id);
            if (landed is null)
                await lake.AddDeletionAsync(valid, cancellationToken);
            else
                await lake.AddAsync(landed, valid, result.Issues, cancellationToken);
            if (counts.Received % 20_000 == 0)
                options.Progress?.Report(new IngestProgress(fileName, counts.Received, (double)sourceFile.Position / Math.Max(1, sourceFile.Length)));
        }
        options.Progress?.Report(new IngestProgress(fileName, counts.Received, 1));
    }

    // Landing's objects are garbage now, but the GC keeps their memory until it needs it again, and the
    // warehouse step that follows works in DuckDB's native memory, which the GC cannot see. Handing it
    // back first makes a batch's peak the larger of the two steps, not their sum (10M abstracts: 3.1 GB).
    private static void ReleaseLandingMemory() =>
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    private static LandedFiles Classify(IReadOnlyList<string> files)
    {
        List<string> Of(string table) => files.Where(f => PathContainsTable(f, table)).ToList();
        return new LandedFiles(Of(LakePaths.Abstracts), Of(LakePaths.Diagnoses), Of(LakePaths.Interventions),
            Of(LakePaths.Warnings), Of(LakePaths.Deletions));
    }

    private static bool PathContainsTable(string file, string table)
    {
        var directory = Path.GetDirectoryName(file)!;
        var name = Path.GetFileName(directory);
        if (name.StartsWith("fiscal_year=", StringComparison.Ordinal))
            name = Path.GetFileName(Path.GetDirectoryName(directory));
        return name == table;
    }

    private static IngestSummary Summarise(BatchRecord record, string status, string fileName, TimeSpan elapsed) => new()
    {
        File = fileName,
        BatchId = record.BatchId,
        Status = status,
        Received = record.Received,
        Loaded = record.Loaded,
        Replaced = record.Replaced,
        Deleted = record.Deleted,
        Quarantined = record.Quarantined,
        Warnings = record.Warnings,
        QuarantineCleared = record.QuarantineCleared,
        QuarantinedByReason = new SortedDictionary<string, int>(record.QuarantinedByReason.ToDictionary(), StringComparer.Ordinal),
        WarningsByRule = new SortedDictionary<string, int>(record.WarningsByRule.ToDictionary(), StringComparer.Ordinal),
        Seconds = Math.Round(elapsed.TotalSeconds, 3),
    };
}
