using HealthStats.Warehouse.Storage;

namespace HealthStats.Warehouse.Build;

/// <summary>
/// Each facility's last submission: the newest batch that carried any of its abstracts (a version or a
/// deletion), from the summary of submissions by batch rather than the landed versions in the lake.
/// </summary>
public static class FacilitySubmissions
{
    public static IReadOnlyList<FacilitySubmission> List(WarehouseDatabase database)
    {
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = """
            with submissions as (
                select facility_id, batch_id from marts.sum_submissions_by_batch where landed > 0 or deleted > 0
            ),
            latest as (
                select s.facility_id, b.batch_id, b.completed_at
                from submissions s join meta.batches b using (batch_id)
                qualify row_number() over (partition by s.facility_id order by b.batch_seq desc) = 1
            )
            select l.facility_id, l.completed_at, l.batch_id, coalesce(a.abstracts, 0)
            from latest l
            left join (select facility_id, count(*) as abstracts from marts.fct_abstracts group by facility_id) a using (facility_id)
            order by l.facility_id
            """;
        using var reader = command.ExecuteReader();
        var result = new List<FacilitySubmission>();
        while (reader.Read())
            result.Add(new FacilitySubmission(reader.GetString(0), reader.GetDateTime(1), reader.GetString(2), reader.GetInt64(3)));
        return result;
    }
}

public sealed record FacilitySubmission(string FacilityId, DateTime LastSubmission, string LastBatchId, long Abstracts);
