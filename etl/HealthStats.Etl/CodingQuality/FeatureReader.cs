using System.Globalization;
using DuckDB.NET.Data;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.CodingQuality;

/// <summary>
/// Computes the features of every current abstract in DuckDB (sql/coding/coding_features.sql) and reads
/// those of the abstracts asked for. The co-occurrence figures need the whole warehouse, so they are
/// computed over all current abstracts even when only a few are read.
/// </summary>
internal static class FeatureReader
{
    public enum Which
    {
        All,
        Unscored,
        Labelled,
    }

    private const string Table = "coding_features_now";

    /// <summary>Unscored: no score for the abstract's current version by <paramref name="model"/> (a new model rescores all).</summary>
    public static FeatureTable Read(DuckDBConnection connection, Which which, string? model = null)
    {
        connection.Execute($"create or replace temp table {Table} as {EmbeddedSql.Read("sql/coding/coding_features.sql")}");
        try
        {
            var filter = which switch
            {
                Which.Unscored => "anti join coding.scores s on s.facility_id = f.facility_id and s.abstract_id = f.abstract_id and s.batch_id = f.batch_id " +
                    "and coalesce(s.supervised_model, s.anomaly_model) = $1",
                Which.Labelled => "semi join (" + EmbeddedSql.Read("sql/coding/coding_current_outcomes.sql") + ") o on o.facility_id = f.facility_id and o.abstract_id = f.abstract_id",
                _ => "",
            };
            var columns = string.Join(", ", CodingFeatures.Unsupervised.Select(c => "f." + c));
            using var command = connection.CreateCommand();
            command.CommandText =
                $"select f.facility_id, f.abstract_id, f.batch_id, f.discharge_date, f.mrdx_code, f.comorbidity_max_mrdx_share_code, " +
                $"f.secondary_min_lift_code, f.intervention_min_lift_code, f.warning_rules, a.coder_id, {columns} " +
                $"from {Table} f join marts.fct_abstracts a using (facility_id, abstract_id) {filter} order by f.facility_id, f.abstract_id";
            if (which == Which.Unscored)
                command.Parameters.Add(new DuckDBParameter(model ?? ""));
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
        finally
        {
            connection.Execute($"drop table if exists {Table}");
        }
    }

    private static string? Text(DuckDBDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
