using System.Text;
using HealthStats.Warehouse.Classification;

namespace HealthStats.Warehouse.Build;

/// <summary>
/// The seed tables: code lists shipped as CSV files (Models/Seeds, embedded as seeds/NAME.csv) and loaded
/// into seeds.NAME as text columns named by the header. Loading is one SQL statement, so that the build's
/// dry run shows it like any other model.
/// </summary>
internal static class Seeds
{
    public static string Statement(string model, string name)
    {
        var resource = $"seeds/{name}.csv";
        using var stream = typeof(Seeds).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded seed {resource} not found.");
        using var reader = new StreamReader(stream);
        var csv = new CsvRecordReader(reader, resource);
        var header = csv.Read()?.ToList() ?? throw new InvalidOperationException($"Seed {resource} is empty.");
        var sql = new StringBuilder();
        sql.Append("create or replace table ").Append(model).Append(" as\nselect * from (values\n");
        var rows = 0;
        while (csv.Read() is { } record)
        {
            if (record.Count != header.Count)
                throw new InvalidOperationException($"Seed {resource}, line {csv.RecordLine}: {record.Count} fields where the header has {header.Count}.");
            sql.Append(rows++ == 0 ? "    (" : ",\n    (")
                .AppendJoin(", ", record.Select(value => value.Length == 0 ? "null::varchar" : Storage.DuckDBConnectionExtensions.Literal(value)))
                .Append(')');
        }
        if (rows == 0)
            throw new InvalidOperationException($"Seed {resource} has no rows.");
        sql.Append("\n) as seed(").AppendJoin(", ", header.Select(h => h.Trim())).Append(')');
        return sql.ToString();
    }
}
