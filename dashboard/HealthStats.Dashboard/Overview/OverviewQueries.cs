using HealthStats.Dashboard.Filters;
using HealthStats.Dashboard.Hosting;
using HealthStats.Warehouse.Indicators;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Dashboard.Overview;

/// <summary>
/// The overview's questions, asked of the indicator library (so the page shows what `healthstats stats`
/// prints) and of small tables: at 10 million abstracts a scan of marts.fct_abstracts takes longer than
/// a page may.
/// </summary>
public sealed class OverviewQueries(WarehouseDatabase database, CachedIndicators indicators)
{
    public IReadOnlyList<DiagnosisCount> TopMostResponsibleDiagnoses(DashboardFilter filter, FilterChoices choices, int top)
    {
        var indicator = IndicatorLibrary.Find("mrdx_discharges");
        var total = indicators.Compute(indicator.Id, FilteredRequest.For(indicator, filter, choices, []).Request).Rows.Single().Value ?? 0;
        var rows = indicators.Compute(indicator.Id, FilteredRequest.For(indicator, filter, choices, ["code"], top).Request).Rows;
        return rows
            .Select(r => new DiagnosisCount(r.Dimension("code")!, r.Dimension("code_title") ?? "(no title in the classification)", (long)(r.Value ?? 0), total == 0 ? 0 : 100 * (r.Value ?? 0) / total))
            .OrderByDescending(r => r.Discharges).ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
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

public sealed record DiagnosisCount(string Code, string Title, long Discharges, double SharePercent);

public sealed record OverviewTotals(long Abstracts, long Batches, long Facilities, DateTime? LastBatchAt);
