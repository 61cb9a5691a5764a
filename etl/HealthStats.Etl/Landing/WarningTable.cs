using HealthStats.Etl.Ingest.Validation;

namespace HealthStats.Etl.Landing;

/// <summary>The lake's warnings table: one row per warning recorded against a landed abstract.</summary>
internal sealed class WarningTable
{
    private readonly StringColumn batchId = new("batch_id");
    private readonly StringColumn facilityId = new("facility_id");
    private readonly StringColumn abstractId = new("abstract_id");
    private readonly StringColumn ruleId = new("rule_id");
    private readonly StringColumn field = new("field");
    private readonly StringColumn message = new("message");

    public WarningTable(string path) =>
        Writer = new ParquetTableWriter(path, [batchId, facilityId, abstractId, ruleId, field, message]);

    public ParquetTableWriter Writer { get; }

    public ValueTask AddAsync(string batch, LandedAbstract row, ValidationIssue issue, CancellationToken cancellationToken)
    {
        batchId.Add(batch);
        facilityId.Add(row.FacilityId);
        abstractId.Add(row.AbstractId);
        ruleId.Add(issue.Rule.Id);
        field.Add(issue.Field);
        message.Add(issue.Message);
        return Writer.EndRowAsync(cancellationToken);
    }
}
