using DuckDB.NET.Data;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Warehouse.Build;

/// <summary>
/// The warehouse's index of quarantined records: where each was and why, so they can be listed,
/// counted and cleared without opening the owner-only quarantine files, which alone hold the records.
/// </summary>
public static class QuarantineIndex
{
    /// <summary>Indexes a batch's quarantine file; only the location and reason columns are read.</summary>
    public static void Add(DuckDBConnection connection, string quarantineFile) =>
        connection.Execute(
            "insert into meta.quarantine (batch_id, line, facility_id, abstract_id, rule_id, field, reason) " +
            "select batch_id, line, facility_id, abstract_id, rule, field, reason from read_json(" +
            DuckDBConnectionExtensions.Literal(quarantineFile) +
            ", format = 'newline_delimited', columns = {batch_id: 'varchar', line: 'bigint', facility_id: 'varchar', " +
            "abstract_id: 'varchar', rule: 'varchar', field: 'varchar', reason: 'varchar'})");

    /// <summary>Marks as cleared the earlier quarantined records whose abstract this batch loaded or deleted.</summary>
    public static int ClearCorrected(DuckDBConnection connection, string batchId, DateTime clearedAt) =>
        connection.Execute(
            """
            update meta.quarantine q
            set cleared_by_batch = $1, cleared_at = $2
            where q.cleared_by_batch is null
              and q.batch_id <> $1
              and exists (
                  select 1 from core.abstract_versions v
                  where v.batch_id = $1 and v.facility_id = q.facility_id and v.abstract_id = q.abstract_id
                  union all
                  select 1 from core.deletions d
                  where d.batch_id = $1 and d.facility_id = q.facility_id and d.abstract_id = q.abstract_id)
            """,
            batchId, clearedAt);

    /// <summary>Quarantined records, newest batch first: open ones only unless includeCleared.</summary>
    public static IReadOnlyList<QuarantineEntry> List(DuckDBConnection connection, string? batchId, string? facilityId, bool includeCleared)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            select q.batch_id, b.file_name, q.line, q.facility_id, q.abstract_id, q.rule_id, q.field, q.reason, q.cleared_by_batch
            from meta.quarantine q
            join meta.batches b using (batch_id)
            where ($1 is null or q.batch_id = $1)
              and ($2 is null or q.facility_id = $2)
              and ($3 or q.cleared_by_batch is null)
            order by b.batch_seq desc, q.line
            """;
        command.Parameters.Add(new DuckDBParameter(batchId is null ? DBNull.Value : batchId));
        command.Parameters.Add(new DuckDBParameter(facilityId is null ? DBNull.Value : facilityId));
        command.Parameters.Add(new DuckDBParameter(includeCleared));
        using var reader = command.ExecuteReader();
        var entries = new List<QuarantineEntry>();
        while (reader.Read())
        {
            entries.Add(new QuarantineEntry(reader.GetString(0), reader.GetString(1), reader.GetInt64(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8)));
        }
        return entries;
    }
}
