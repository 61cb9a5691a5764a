using DuckDB.NET.Data;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.CodingQuality;

/// <summary>The current outcome of every audited current abstract: its latest coding.audit_outcomes row, imported or reviewed.</summary>
internal static class AuditOutcomes
{
    /// <summary>True where the abstract was found miscoded.</summary>
    public static Dictionary<(string FacilityId, string AbstractId), bool> Current(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"select facility_id, abstract_id, outcome from ({EmbeddedSql.Read("sql/coding/coding_current_outcomes.sql")})";
        using var reader = command.ExecuteReader();
        var result = new Dictionary<(string, string), bool>();
        while (reader.Read())
            result[(reader.GetString(0), reader.GetString(1))] = reader.GetString(2) == "miscoded";
        return result;
    }
}
