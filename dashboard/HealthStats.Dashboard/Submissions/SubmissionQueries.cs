using DuckDB.NET.Data;
using HealthStats.Dashboard.Hosting;
using HealthStats.Etl.Ingest.Validation;
using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Dashboard.Submissions;

/// <summary>
/// The data page's questions: what was loaded, who has not submitted lately, and what waits in quarantine. Batches
/// and facilities are read by the same warehouse code as `healthstats batches`, so that page and command agree;
/// quarantine is counted from the warehouse's index of it (meta.quarantine), never from the quarantine files,
/// which alone hold the records. Answers are kept until the warehouse changes: finding each facility's last
/// submission reads every landed version (some 150 ms at 10 million abstracts).
/// </summary>
public sealed class SubmissionQueries(WarehouseDatabase database, AnswerCache cache)
{
    /// <summary>Facilities submit monthly; a facility silent for longer than a month and a half has missed one.</summary>
    public const int OverdueAfterDays = 45;

    /// <summary>Enough batches for a page: a year of weekly files from a dozen facilities is several hundred.</summary>
    public const int MaxBatches = 200;

    /// <summary>The newest batches, newest first, and how many there are in all.</summary>
    public (IReadOnlyList<BatchRecord> Newest, int Total) Batches()
    {
        var all = cache.GetOrAdd("batches", () => new BatchLoader(database).List());
        return (all.Take(MaxBatches).ToList(), all.Count);
    }

    public IReadOnlyList<FacilityTimeliness> Facilities(DateTime utcNow) =>
        [
            .. cache.GetOrAdd("facility-submissions", () => FacilitySubmissions.List(database)).Select(f =>
            {
                var days = (int)Math.Floor((utcNow - f.LastSubmission).TotalDays);
                return new FacilityTimeliness(f.FacilityId, f.LastSubmission, f.LastBatchId, f.Abstracts, days, days > OverdueAfterDays);
            }),
        ];

    public OpenQuarantine OpenQuarantine() => cache.GetOrAdd("open-quarantine", CountOpenQuarantine);

    private OpenQuarantine CountOpenQuarantine()
    {
        using var connection = database.OpenConnection();
        var byFacility = Counts(connection, """
            select coalesce(facility_id, '(unreadable)'), '', count(*)
            from meta.quarantine
            where cleared_by_batch is null
            group by all
            order by 1
            """);
        var byBatch = Counts(connection, """
            select q.batch_id, b.file_name, count(*)
            from meta.quarantine q
            join meta.batches b using (batch_id)
            where q.cleared_by_batch is null
            group by q.batch_id, b.file_name, b.batch_seq
            order by b.batch_seq desc
            """);
        // By rule and the fields it was found in: the reason text names values of the record (a code, a date), so
        // it stays in `healthstats quarantine list` for those who correct the file.
        var descriptions = ValidationRules.All.ToDictionary(r => r.Id, r => r.Description, StringComparer.Ordinal);
        var byRule = new List<QuarantineRuleCount>();
        foreach (var count in Counts(connection, """
            select rule_id, string_agg(distinct field, ', ' order by field), count(*)
            from meta.quarantine
            where cleared_by_batch is null
            group by rule_id
            order by count(*) desc, rule_id
            """))
        {
            byRule.Add(new QuarantineRuleCount(count.Key, descriptions.GetValueOrDefault(count.Key, ""), count.Note, count.Open));
        }
        return new OpenQuarantine(byFacility, byBatch, byRule);
    }

    private static List<QuarantineCount> Counts(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var counts = new List<QuarantineCount>();
        while (reader.Read())
            counts.Add(new QuarantineCount(reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        return counts;
    }
}
