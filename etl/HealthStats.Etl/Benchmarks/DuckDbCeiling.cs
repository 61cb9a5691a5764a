using System.Diagnostics;
using HealthStats.Etl.Ingest;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Benchmarks;

/// <summary>What DuckDB alone does with the same file: the fastest a CSV becomes Parquet and a table here.</summary>
internal sealed class DuckDbCeiling(string directory, string? memoryLimit)
{
    public double Measure(string csv)
    {
        Directory.CreateDirectory(directory);
        var database = new WarehouseDatabase(new DataDirectory(directory), memoryLimit, Path.Combine(directory, "ceiling.duckdb"));
        using var connection = database.OpenConnection();
        var read = $"read_csv({DuckDBConnectionExtensions.Literal(csv)}, header = true, delim = ',', quote = '\"', columns = {ColumnTypes()})";
        var clock = Stopwatch.StartNew();
        connection.Execute($"copy (select * from {read}) to {DuckDBConnectionExtensions.Literal(Path.Combine(directory, "abstracts.parquet"))} (format parquet)");
        connection.Execute($"create table abstracts as select * from {read}");
        return clock.Elapsed.TotalSeconds;
    }

    // Explicit types: DuckDB's sniffer samples the first rows and mistypes sparse columns.
    private static string ColumnTypes()
    {
        static string TypeOf(string column) =>
            column == AbstractColumns.AlcDays ? "INTEGER"
            : column.EndsWith("_date", StringComparison.Ordinal) ? "DATE"
            : "VARCHAR";
        return "{" + string.Join(", ", AbstractColumns.All().Select(c => $"'{c}': '{TypeOf(c)}'")) + "}";
    }
}
