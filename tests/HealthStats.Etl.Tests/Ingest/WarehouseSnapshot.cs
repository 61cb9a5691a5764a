using System.Text;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Tests.Ingest;

/// <summary>Every table's rows, and the core views' (the lake as the warehouse reads it), sorted, as text: equal snapshots mean equal tables.</summary>
internal static class WarehouseSnapshot
{
    public static Dictionary<string, string> Of(WarehouseDatabase database)
    {
        using var connection = database.OpenConnection();
        var tables = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "select table_schema || '.' || table_name from information_schema.tables where table_catalog = current_database() and (table_type = 'BASE TABLE' or (table_schema = 'core' and table_type = 'VIEW'))";
            using var reader = command.ExecuteReader();
            while (reader.Read())
                tables.Add(reader.GetString(0));
        }
        var snapshot = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            // Import times differ by design (the reference copy keeps them); everything else must match.
            var exclude = table == "reference.classification_versions" ? " exclude (imported_at)" : "";
            using var command = connection.CreateCommand();
            command.CommandText = $"select * {exclude} from {table}";
            using var reader = command.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                var row = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++)
                    row.Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                rows.Add(row.ToString());
            }
            rows.Sort(StringComparer.Ordinal);
            snapshot[table] = string.Join("\n", rows);
        }
        return snapshot;
    }
}
