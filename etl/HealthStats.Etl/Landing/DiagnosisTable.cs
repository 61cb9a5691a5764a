using HealthStats.Etl.Ingest;

namespace HealthStats.Etl.Landing;

/// <summary>The lake's diagnoses table, in long form: one row per diagnosis of a landed abstract.</summary>
internal sealed class DiagnosisTable
{
    private readonly StringColumn batchId = new("batch_id");
    private readonly StringColumn facilityId = new("facility_id");
    private readonly StringColumn abstractId = new("abstract_id");
    private readonly ValueColumn<int> sequence = new("seq");
    private readonly StringColumn code = new("code");
    private readonly StringColumn type = new("type");
    private readonly StringColumn chapter = new("chapter");
    private readonly StringColumn block = new("block");

    public DiagnosisTable(string path) =>
        Writer = new ParquetTableWriter(path, [batchId, facilityId, abstractId, sequence, code, type, chapter, block]);

    public ParquetTableWriter Writer { get; }

    public ValueTask AddAsync(string batch, LandedAbstract row, ValidDiagnosis diagnosis, CancellationToken cancellationToken)
    {
        batchId.Add(batch);
        facilityId.Add(row.FacilityId);
        abstractId.Add(row.AbstractId);
        sequence.Add(diagnosis.Sequence);
        code.Add(diagnosis.Code);
        type.Add(diagnosis.Type);
        chapter.Add(diagnosis.Chapter);
        block.Add(diagnosis.Block);
        return Writer.EndRowAsync(cancellationToken);
    }
}
