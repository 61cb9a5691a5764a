using System.Globalization;
using DuckDB.NET.Data;
using HealthStats.Etl.Deidentification;
using HealthStats.Etl.Generation;
using HealthStats.Etl.Ingest;
using HealthStats.Etl.Ingest.Csv;
using HealthStats.TestSupport;
using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Tests.Ingest;

/// <summary>
/// The acceptance test of the input formats: the same generated abstracts, written as CSV, JSON Lines
/// and FHIR and ingested into three fresh data directories (real DuckDB files, real Parquet files, the
/// same pseudonymisation key), give the same marts, row for row, and the same quarantine.
/// </summary>
public sealed class FormatEquivalenceTests : IDisposable
{
    /// <summary>Lineage: which batch and line a row came from legitimately differs between the files.</summary>
    private static readonly HashSet<string> Lineage = new(StringComparer.Ordinal) { "batch_id", "batch_seq", "source_line" };

    private readonly TempDirectory temp = new("formats");

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Ingest_GivesIdenticalMartsAndQuarantine_WhetherTheAbstractsComeAsCsvJsonLinesOrFhir()
    {
        var key = HmacKeyStore.LoadOrCreate(new DataDirectory(temp.Combine("key")));
        var results = new Dictionary<string, (IngestSummary Summary, WarehouseDatabase Database)>();
        foreach (var format in AbstractFormats.All)
        {
            var gen = temp.Combine("gen-" + format);
            AbstractGenerator.Generate(new GeneratorOptions(2500, Seed: 42, ErrorRate: 0.15, Format: format), gen);
            var database = new WarehouseDatabase(new DataDirectory(temp.Combine("data-" + format)));
            WarehouseSetup.Initialize(database);
            var service = new IngestService(database, new Pseudonymiser(key));
            var summary = await service.IngestFileAsync(Path.Combine(gen, AbstractFormats.FileName(format)), new IngestOptions(), CancellationToken.None);
            results[format] = (summary, database);
        }

        var csv = results["csv"];
        Assert.Equal("loaded", csv.Summary.Status);
        Assert.Equal("csv", Format(csv.Database));
        Assert.Equal(2500, csv.Summary.Received);
        Assert.True(csv.Summary.Quarantined > 0, "the error rate should make some abstracts quarantined");
        Assert.True(csv.Summary.Loaded > 2000);
        foreach (var format in new[] { "jsonl", "fhir" })
        {
            var other = results[format];
            Assert.Equal(format, Format(other.Database));
            Assert.Equal((csv.Summary.Received, csv.Summary.Loaded, csv.Summary.Quarantined, csv.Summary.Warnings),
                (other.Summary.Received, other.Summary.Loaded, other.Summary.Quarantined, other.Summary.Warnings));
            Assert.Equal(csv.Summary.QuarantinedByReason, other.Summary.QuarantinedByReason);
            Assert.Equal(csv.Summary.WarningsByRule, other.Summary.WarningsByRule);
            foreach (var table in new[] { "marts.fct_abstracts", "marts.fct_diagnoses", "marts.fct_interventions" })
            {
                var expected = Rows(csv.Database, table);
                var actual = Rows(other.Database, table);
                Assert.True(expected.Count > 0, $"{table} is empty");
                Assert.Equal(expected.Count, actual.Count);
                var differing = expected.Zip(actual).FirstOrDefault(p => p.First != p.Second);
                Assert.True(differing == default, $"{format} {table} differs from csv:\n  csv: {differing.First}\n  {format}: {differing.Second}");
            }
        }

        // And no personal data reached the warehouse or the lake from the FHIR file either.
        var phi = new HashSet<string>(StringComparer.Ordinal);
        using (var reader = new AbstractCsvReader(Path.Combine(temp.Combine("gen-csv"), "abstracts.csv")))
        {
            foreach (var row in reader.ReadAll().Take(300))
            {
                phi.Add(row.ChartNumber!);
                phi.Add(row.HealthCardNumber!);
                phi.Add(row.PostalCode!);
            }
        }
        PersonalDataScan.AssertAbsent(results["fhir"].Database, phi);
    }

    private static string Format(WarehouseDatabase database)
    {
        using var connection = database.OpenConnection();
        return connection.Scalar<string>("select source_format from meta.batches") ?? "";
    }

    /// <summary>Every row of the table, every column but lineage, as text, in a stable order.</summary>
    private static List<string> Rows(WarehouseDatabase database, string table)
    {
        using var connection = database.OpenConnection();
        var (schema, name) = (table.Split('.')[0], table.Split('.')[1]);
        var columns = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"select column_name from information_schema.columns where table_schema = '{schema}' and table_name = '{name}' order by ordinal_position";
            using var reader = command.ExecuteReader();
            while (reader.Read())
                columns.Add(reader.GetString(0));
        }
        var kept = columns.Where(c => !Lineage.Contains(c)).Select(c => $"\"{c}\"").ToList();
        Assert.True(kept.Count >= 5, $"{table} has too few columns to compare");
        var rows = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"select {string.Join(", ", kept)} from {table} order by all";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var cells = new string[reader.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                    cells[i] = reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!;
                rows.Add(string.Join(" | ", cells));
            }
        }
        return rows;
    }
}
