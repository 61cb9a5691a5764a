using HealthStats.Warehouse.Storage;

namespace HealthStats.Dashboard.Overview;

/// <summary>The overview's questions, asked of the marts.</summary>
public sealed class OverviewQueries(WarehouseDatabase database)
{
    public IReadOnlyList<MonthlyChapterCount> DischargesByMonthAndChapter()
    {
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = """
            select discharge_month, coalesce(mrdx_chapter, '?') as chapter, coalesce(max(mrdx_chapter_title), 'Unclassified') as title, count(*) as discharges
            from marts.fct_abstracts
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
            select mrdx_code, coalesce(max(mrdx_title), '(no title in the classification)') as title, coalesce(max(mrdx_chapter), '') as chapter,
                   count(*) as discharges, count(*) * 100.0 / sum(count(*)) over () as share
            from marts.fct_abstracts
            group by mrdx_code
            order by discharges desc, mrdx_code
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
                   (select count(distinct facility_id) from marts.fct_abstracts),
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
