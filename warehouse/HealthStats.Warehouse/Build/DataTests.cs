using DuckDB.NET.Data;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Warehouse.Build;

/// <summary>
/// The SQL data tests (sql/tests/NAME.sql): each selects the rows that break a rule, so zero rows is a
/// pass. They check the built models, not the input: a failure is a bug in a model.
/// </summary>
public static class DataTests
{
    /// <summary>The tests, by name, with their SQL.</summary>
    public static IReadOnlyList<(string Name, string Sql)> All { get; } =
        EmbeddedSql.Under("sql/tests/")
            .Select(t => (Path.GetFileNameWithoutExtension(t.Name), t.Sql))
            .ToList();

    /// <summary>Runs every test on the connection; returns the failing ones (none when all pass).</summary>
    public static IReadOnlyList<DataTestFailure> Run(DuckDBConnection connection)
    {
        var failures = new List<DataTestFailure>();
        foreach (var (name, sql) in All)
        {
            var rows = connection.Scalar<long>($"select count(*) from (\n{sql}\n)");
            if (rows == 0)
                continue;
            using var command = connection.CreateCommand();
            command.CommandText = $"select * from (\n{sql}\n) limit 5";
            using var reader = command.ExecuteReader();
            var sample = new List<string>();
            while (reader.Read())
            {
                var values = new string[reader.FieldCount];
                for (var i = 0; i < values.Length; i++)
                    values[i] = $"{reader.GetName(i)}={(reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))}";
                sample.Add(string.Join(", ", values));
            }
            failures.Add(new DataTestFailure(name, rows, sample));
        }
        return failures;
    }
}
