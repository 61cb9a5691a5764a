using HealthStats.Etl.Ingest;

namespace HealthStats.Etl.Landing;

/// <summary>The lake's interventions table: one row per intervention of a landed abstract.</summary>
internal sealed class InterventionTable
{
    private readonly StringColumn batchId = new("batch_id");
    private readonly StringColumn facilityId = new("facility_id");
    private readonly StringColumn abstractId = new("abstract_id");
    private readonly ValueColumn<int> sequence = new("seq");
    private readonly StringColumn code = new("code");
    private readonly ValueColumn<DateOnly> date = new("intervention_date");
    private readonly StringColumn chapter = new("chapter");
    private readonly StringColumn block = new("block");

    public InterventionTable(string path) =>
        Writer = new ParquetTableWriter(path, [batchId, facilityId, abstractId, sequence, code, date, chapter, block]);

    public ParquetTableWriter Writer { get; }

    public ValueTask AddAsync(string batch, LandedAbstract row, ValidIntervention intervention, CancellationToken cancellationToken)
    {
        batchId.Add(batch);
        facilityId.Add(row.FacilityId);
        abstractId.Add(row.AbstractId);
        sequence.Add(intervention.Sequence);
        code.Add(intervention.Code);
        date.Add(intervention.Date);
        chapter.Add(intervention.Chapter);
        block.Add(intervention.Block);
        return Writer.EndRowAsync(cancellationToken);
    }
}
