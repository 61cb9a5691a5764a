using HealthStats.Etl.Ingest;
using HealthStats.Etl.Ingest.Validation;

namespace HealthStats.Etl.Landing;

/// <summary>
/// Lands one batch into the Parquet lake: per fiscal year a file of abstracts, diagnoses (long form),
/// interventions and warnings, and one file of deletions. Only de-identified values are written.
/// </summary>
public sealed class LakeBatchWriter(string lakeDirectory, string batchId) : IAsyncDisposable
{
    private readonly Dictionary<int, Partition> partitions = [];
    private DeletionTable? deletions;

    public async ValueTask AddAsync(LandedAbstract row, ValidAbstract source, IReadOnlyList<ValidationIssue> warnings, CancellationToken cancellationToken)
    {
        if (!partitions.TryGetValue(row.FiscalYear, out var partition))
            partitions[row.FiscalYear] = partition = new Partition(lakeDirectory, row.FiscalYear, batchId);
        await partition.AddAsync(batchId, row, source, warnings, cancellationToken);
    }

    public ValueTask AddDeletionAsync(ValidAbstract deletion, CancellationToken cancellationToken)
    {
        deletions ??= new DeletionTable(LakePaths.Unpartitioned(lakeDirectory, LakePaths.Deletions, batchId));
        return deletions.AddAsync(batchId, deletion, cancellationToken);
    }

    /// <summary>Completes every file; returns the final paths written.</summary>
    public async Task<IReadOnlyList<string>> CompleteAsync(CancellationToken cancellationToken)
    {
        // Each file's last row group is encoded on its own thread: the files are independent, and
        // encoding is most of the landing's time.
        var writers = partitions.Values.SelectMany(p => p.Writers).ToList();
        if (deletions is not null)
            writers.Add(deletions.Writer);
        var paths = await Task.WhenAll(writers.Select(w => Task.Run(() => w.CompleteAsync(cancellationToken), cancellationToken)));
        return paths.OfType<string>().ToList();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var partition in partitions.Values)
            await partition.DisposeAsync();
        if (deletions is not null)
            await deletions.Writer.DisposeAsync();
    }

    private sealed class Partition : IAsyncDisposable
    {
        private readonly AbstractTable abstracts;
        private readonly DiagnosisTable diagnoses;
        private readonly InterventionTable interventions;
        private readonly WarningTable warnings;

        public Partition(string lake, int fiscalYear, string batchId)
        {
            abstracts = new AbstractTable(LakePaths.Partitioned(lake, LakePaths.Abstracts, fiscalYear, batchId));
            diagnoses = new DiagnosisTable(LakePaths.Partitioned(lake, LakePaths.Diagnoses, fiscalYear, batchId));
            interventions = new InterventionTable(LakePaths.Partitioned(lake, LakePaths.Interventions, fiscalYear, batchId));
            warnings = new WarningTable(LakePaths.Partitioned(lake, LakePaths.Warnings, fiscalYear, batchId));
        }

        public async ValueTask AddAsync(string batchId, LandedAbstract row, ValidAbstract source, IReadOnlyList<ValidationIssue> issues, CancellationToken cancellationToken)
        {
            await abstracts.AddAsync(batchId, row, source.Diagnoses.Count, source.Interventions.Count, cancellationToken);
            foreach (var diagnosis in source.Diagnoses)
                await diagnoses.AddAsync(batchId, row, diagnosis, cancellationToken);
            foreach (var intervention in source.Interventions)
                await interventions.AddAsync(batchId, row, intervention, cancellationToken);
            foreach (var issue in issues)
                await warnings.AddAsync(batchId, row, issue, cancellationToken);
        }

        public IEnumerable<ParquetTableWriter> Writers => [abstracts.Writer, diagnoses.Writer, interventions.Writer, warnings.Writer];

        public async ValueTask DisposeAsync()
        {
            await abstracts.Writer.DisposeAsync();
            await diagnoses.Writer.DisposeAsync();
            await interventions.Writer.DisposeAsync();
            await warnings.Writer.DisposeAsync();
        }
    }
}
