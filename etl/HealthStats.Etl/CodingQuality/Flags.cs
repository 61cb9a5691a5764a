using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.CodingQuality;

/// <summary>
/// Picks the abstracts to audit from coding.scores: the highest scores (a budget) or every score at or
/// above a threshold, among current abstracts whose current version has no audit outcome yet.
/// </summary>
public static class Flags
{
    public const int DefaultBudget = 100;

    public static IReadOnlyList<Flag> Select(WarehouseDatabase database, int? budget, double? threshold)
    {
        using var connection = database.OpenConnection();
        return Select(connection, budget, threshold);
    }

    internal static List<Flag> Select(DuckDBConnection connection, int? budget, double? threshold)
    {
        using var command = connection.CreateCommand();
        var limit = threshold is null ? $"limit {budget ?? DefaultBudget}" : "";
        command.CommandText =
            "select s.facility_id, s.abstract_id, s.score, s.reasons from coding.scores s " +
            "semi join marts.fct_abstracts a on a.facility_id = s.facility_id and a.abstract_id = s.abstract_id and a.batch_id = s.batch_id " +
            "anti join coding.audit_outcomes o on o.facility_id = s.facility_id and o.abstract_id = s.abstract_id and o.abstract_batch_id = s.batch_id " +
            "where s.score >= $1 order by s.score desc, s.facility_id, s.abstract_id " + limit;
        command.Parameters.Add(new DuckDBParameter(threshold ?? 0.0));
        using var reader = command.ExecuteReader();
        var result = new List<Flag>();
        while (reader.Read())
            result.Add(new Flag(reader.GetString(0), reader.GetString(1), reader.GetDouble(2),
                JsonSerializer.Deserialize<List<string>>(reader.GetString(3)) ?? []));
        return result;
    }

    /// <summary>facility_id, abstract_id, score, reasons (the sentences joined by "; "), RFC 4180 (CRLF rows, as every CSV HealthStats writes).</summary>
    public static void WriteCsv(TextWriter writer, IEnumerable<Flag> flags)
    {
        writer.Write("facility_id,abstract_id,score,reasons\r\n");
        foreach (var flag in flags)
        {
            writer.Write(Cell(flag.FacilityId));
            writer.Write(',');
            writer.Write(Cell(flag.AbstractId));
            writer.Write(',');
            writer.Write(flag.Score.ToString("0.0000", CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(Cell(string.Join("; ", flag.Reasons)));
            writer.Write("\r\n");
        }
    }

    private static string Cell(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
