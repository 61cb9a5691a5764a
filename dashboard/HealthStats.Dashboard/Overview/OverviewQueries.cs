using HealthStats.Warehouse.Storage;

namespace HealthStats.Dashboard.Overview;

/// <summary>
/// The overview's questions, asked of the marts' summaries rather than the facts: at 10 million abstracts a
/// scan of marts.fct_abstracts takes longer than a page may. Every abstract has exactly one MRDx (a
/// consistency rule), so MRDx counts in marts.sum_diagnoses_monthly are discharges.
/// </summary>
public sealed class OverviewQueries(WarehouseDatabase database)
{
    public IReadOnlyList<MonthlyChapterCount> DischargesByMonthAndChapter()
    {
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = """
            select s.discharge_month, coalesce(s.chapter, '?') as chapter, coalesce(max(c.chapter_title), 'Unclassified') as title, sum(s.as_mrdx)::bigint as discharges
            from marts.sum_diagnoses_monthly s
            left join marts.dim_diagnosis_codes c using (code)
            where s.as_mrdx > 0
            group by all
            order by discharge_month, chapter
            """;
        using var reader = command.ExecuteReader();
        var rows = new List<MonthlyChapterCount>();
        while (reader.Read())
            rows.Add(new MonthlyChapterCount(DateOnly.FromDateTime(reader.GetDateTime(0)), reader.GetString(1), reader.GetString(2), reader.GetInt64(3)));
        return rows;
    }

    public IReadOnlyList<DiagnosisCount> TopMostResponsibleDiagnoses(int top)
    {
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = """
            select s.code, coalesce(max(c.title), '(no title in the classification)') as title, coalesce(max(s.chapter), '') as chapter,
                   sum(s.as_mrdx)::bigint as discharges, sum(s.as_mrdx) * 100.0 / sum(sum(s.as_mrdx)) over () as share
            from marts.sum_diagnoses_monthly s
            left join marts.dim_diagnosis_codes c using (code)
            where s.as_mrdx > 0
            group by s.code
            order by discharges desc, s.code
            limit $1
            """;
        command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter(top));
        using var reader = command.ExecuteReader();
        var rows = new List<DiagnosisCount>();
        while (reader.Read())
            rows.Add(new DiagnosisCount(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetDouble(4)));
        return rows;
    }

    public OverviewTotals Totals()
    {
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = """
            select (select count(*) from marts.fct_abstracts),
                   (select count(*) from meta.batches),
                   (select count(*) from marts.dim_facilities where abstracts > 0),
                   (select max(completed_at) from meta.batches)
            """;
        using var reader = command.ExecuteReader();
        reader.Read();
        return new OverviewTotals(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetDateTime(3));
    }
}

public sealed record MonthlyChapterCount(DateOnly Month, string Chapter, string ChapterTitle, long Discharges);

public sealed record DiagnosisCount(string Code, string Title, string Chapter, long Discharges, double SharePercent);

public sealed record OverviewTotals(long Abstracts, long Batches, long Facilities, DateTime? LastBatchAt);
