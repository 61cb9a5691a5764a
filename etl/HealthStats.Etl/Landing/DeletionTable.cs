using HealthStats.Etl.Ingest;

namespace HealthStats.Etl.Landing;

/// <summary>The lake's deletions table: the keys a batch asked to delete (action D).</summary>
internal sealed class DeletionTable
{
    private readonly StringColumn batchId = new("batch_id");
    private readonly ValueColumn<long> sourceLine = new("source_line");
    private readonly StringColumn facilityId = new("facility_id");
    private readonly StringColumn abstractId = new("abstract_id");

    public DeletionTable(string path) =>
        Writer = new ParquetTableWriter(path, [batchId, sourceLine, facilityId, abstractId]);

    public ParquetTableWriter Writer { get; }

    public ValueTask AddAsync(string batch, ValidAbstract deletion, CancellationToken cancellationToken)
    {
        batchId.Add(batch);
        sourceLine.Add(deletion.Line);
        facilityId.Add(deletion.FacilityId);
        abstractId.Add(deletion.AbstractId);
        return Writer.EndRowAsync(cancellationToken);
    }
}
