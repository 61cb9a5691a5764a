using System.Text;
using DuckDB.NET.Data;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Tests.Ingest;

/// <summary>
/// Looks for input values in everything the warehouse keeps: every text and date column of every
/// DuckDB table, every column of every Parquet file in the lake (read back through DuckDB, since
/// both compress), and the raw bytes of all those files.
/// </summary>
internal static class PersonalDataScan
{
    public static void AssertAbsent(WarehouseDatabase database, IReadOnlyCollection<string> values)
    {
        var found = new List<string>();
        using (var connection = database.OpenConnection())
        {
            var tables = new List<(string Schema, string Table)>();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "select table_schema, table_name from information_schema.tables where table_catalog = current_database()";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                    tables.Add((reader.GetString(0), reader.GetString(1)));
            }
            foreach (var (schema, table) in tables)
                found.AddRange(Scan(connection, $"select * from \"{schema}\".\"{table}\"", $"{schema}.{table}", values));
            foreach (var file in Directory.EnumerateFiles(database.DataDirectory.LakeDirectory, "*.parquet", SearchOption.AllDirectories))
                found.AddRange(Scan(connection, $"select * from read_parquet({DuckDBConnectionExtensions.Literal(file)})", file, values));
        }
        var files = Directory.EnumerateFiles(database.DataDirectory.LakeDirectory, "*", SearchOption.AllDirectories).Append(database.DataDirectory.WarehouseFile);
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            foreach (var value in values.Where(v => v.Length >= 8))
            {
                if (bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(value)) >= 0)
                    found.Add($"{value} in the bytes of {file}");
            }
        }
        Assert.True(found.Count == 0, "Personal data found:\n" + string.Join("\n", found.Take(20)));
    }

    private static IEnumerable<string> Scan(DuckDBConnection connection, string query, string where, IReadOnlyCollection<string> values)
    {
        var phi = new HashSet<string>(values, StringComparer.OrdinalIgnoreCase);
        var lookup = phi.GetAlternateLookup<ReadOnlySpan<char>>();
        var lengths = phi.Select(v => v.Length).Distinct().ToArray();
        using var command = connection.CreateCommand();
        command.CommandText = query;
        using var reader = command.ExecuteReader();
        var found = new List<string>();
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (reader.IsDBNull(i))
                    continue;
                var value = reader.GetValue(i) switch
                {
                    DateTime d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? "",
                };
                // Hex keys and hashes hold digit runs by chance: only an exact match there is a leak.
                var name = reader.GetName(i);
                var isKey = name.EndsWith("_key", StringComparison.Ordinal) || name is "batch_id" or "file_sha256";
                if (isKey)
                {
                    if (phi.Contains(value))
                        found.Add($"{value} in {where}.{name}");
                    continue;
                }
                foreach (var length in lengths)
                {
                    for (var start = 0; start + length <= value.Length; start++)
                    {
                        if (lookup.Contains(value.AsSpan(start, length)))
                            found.Add($"{value.Substring(start, length)} in {where}.{name}");
                    }
                }
            }
        }
        return found;
    }
}
