using System.Globalization;
using DuckDB.NET.Data;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.CodingQuality;

/// <summary>
/// Computes the features of every current abstract in DuckDB (sql/coding/coding_features.sql) and reads
/// those of the abstracts asked for, whole or a page at a time. The co-occurrence figures need the whole
/// warehouse, so they are computed over all current abstracts even when only a few are read.
/// </summary>
internal sealed class FeatureReader : IDisposable
{
    public enum Which
    {
        All,
        Unscored,
        Labelled,
    }

    /// <summary>
    /// Abstracts per page when scoring or training reads every abstract: their features then take tens of
    /// megabytes at a time, where ten million abstracts read whole took 13.6 GB.
    /// </summary>
    public const int PageSize = 200_000;

    private const string Table = "coding_features_now";
    private const string Wanted = "coding_features_wanted";

    private readonly DuckDBConnection connection;

    private FeatureReader(DuckDBConnection connection)
    {
        this.connection = connection;
        // Numbered in key order once, so that a page, and every step-th abstract, are ranges of one column.
        connection.Execute(
            $"create or replace temp table {Table} as select *, row_number() over (order by facility_id, abstract_id) as feature_row " +
            $"from ({EmbeddedSql.Read("sql/coding/coding_features.sql")}) features join (select facility_id, abstract_id, coder_id from marts.fct_abstracts) a using (facility_id, abstract_id)");
        Count = connection.Scalar<long>($"select count(*) from {Table}");
    }

    /// <summary>Every current abstract's features, in a temporary table that lives until this is disposed.</summary>
    public static FeatureReader Open(DuckDBConnection connection) => new(connection);

    /// <summary>The abstracts asked for, read whole. Unscored: no score for the abstract's current version by <paramref name="model"/>.</summary>
    public static FeatureTable Read(DuckDBConnection connection, Which which, string? model = null)
    {
        using var reader = Open(connection);
        return reader.Pages(which, model, pageSize: int.MaxValue).FirstOrDefault() ?? new FeatureTable();
    }

    /// <summary>How many current abstracts have features.</summary>
    public long Count { get; }

    /// <summary>Every <paramref name="step"/>-th current abstract in key order, the first included.</summary>
    public FeatureTable ReadEvery(long step) =>
        ReadRows($"where (f.feature_row - 1) % {Math.Max(1, step)} = 0", []);

    /// <summary>
    /// The abstracts asked for, a page at a time, in key order. Which abstracts is decided before the first
    /// page, so that scores written between pages do not move the pages that follow.
    /// </summary>
    public IEnumerable<FeatureTable> Pages(Which which, string? model = null, int pageSize = PageSize)
    {
        var filter = which switch
        {
            Which.Unscored => "anti join coding.scores s on s.facility_id = f.facility_id and s.abstract_id = f.abstract_id and s.batch_id = f.batch_id " +
                "and coalesce(s.supervised_model, s.anomaly_model) = $1",
            Which.Labelled => "semi join (" + EmbeddedSql.Read("sql/coding/coding_current_outcomes.sql") + ") o on o.facility_id = f.facility_id and o.abstract_id = f.abstract_id",
            _ => "",
        };
        object[] parameters = which == Which.Unscored ? [model ?? ""] : [];
        connection.Execute(
            $"create or replace temp table {Wanted} as select f.feature_row, row_number() over (order by f.feature_row) as page_row from {Table} f {filter}",
            parameters);
        try
        {
            var wanted = connection.Scalar<long>($"select count(*) from {Wanted}");
            for (long first = 0; first < wanted; first += pageSize)
            {
                yield return ReadRows(
                    $"semi join (select feature_row from {Wanted} where page_row > $1 and page_row <= $2) w using (feature_row)",
                    [first, first + pageSize]);
            }
        }
        finally
        {
            connection.Execute($"drop table if exists {Wanted}");
        }
    }

    private FeatureTable ReadRows(string filter, object[] parameters)
    {
        var columns = string.Join(", ", CodingFeatures.Unsupervised.Select(c => "f." + c));
        using var command = connection.CreateCommand();
        command.CommandText =
            $"select f.facility_id, f.abstract_id, f.batch_id, f.discharge_date, f.mrdx_code, f.comorbidity_max_mrdx_share_code, " +
            $"f.secondary_min_lift_code, f.intervention_min_lift_code, f.warning_rules, f.coder_id, {columns} " +
            $"from {Table} f {filter} order by f.feature_row";
        foreach (var parameter in parameters)
            command.Parameters.Add(new DuckDBParameter(parameter));
        using var reader = command.ExecuteReader();
        var table = new FeatureTable();
        const int first = 10;
        var width = CodingFeatures.Unsupervised.Length;
        while (reader.Read())
        {
            table.FacilityIds.Add(reader.GetString(0));
            table.AbstractIds.Add(reader.GetString(1));
            table.BatchIds.Add(reader.GetString(2));
            table.DischargeDates.Add(DateOnly.FromDateTime(reader.GetDateTime(3)));
            table.Contexts.Add(new AbstractContext(reader.GetString(4), Text(reader, 5), Text(reader, 6), Text(reader, 7), Text(reader, 8), reader.GetString(9)));
            var values = new float[width];
            for (var i = 0; i < width; i++)
                values[i] = reader.IsDBNull(first + i) ? 0f : Convert.ToSingle(reader.GetValue(first + i), CultureInfo.InvariantCulture);
            table.Features.Add(values);
        }
        return table;
    }

    private static string? Text(DuckDBDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public void Dispose() => connection.Execute($"drop table if exists {Table}");
}
