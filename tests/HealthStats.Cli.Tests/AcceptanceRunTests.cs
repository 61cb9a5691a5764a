using System.Text.Json;
using DuckDB.NET.Data;
using HealthStats.TestSupport;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Cli.Tests;

/// <summary>
/// The acceptance run at a size that suits CI: generate with errors, import the full CMS
/// code sets, ingest twice. Everything loads except the abstracts given an invalid code.
/// </summary>
public sealed class AcceptanceRunTests : IDisposable
{
    private readonly TempDirectory temp = new("acceptance");

    public void Dispose() => temp.Dispose();

    [SharedDataFact]
    public async Task GenerateImportIngest_QuarantinesExactlyTheInvalidCodes_AndReingestChangesNothing()
    {
        var data = temp.Combine("data");
        var gen = temp.Combine("gen");
        Assert.Equal(0, (await CliRun.RunAsync("generate", "--abstracts", "20000", "--seed", "7", "--error-rate", "0.05", "--out", gen)).ExitCode);
        var dx = await CliRun.RunAsync("reference", "import-classification", SharedData.Path("icd10cm", "icd10cm_order_2026.txt"),
            "--kind", "diagnosis", "--version", "ICD-10-CM-2026", "--effective-from", "2015-10-01", "--data", data);
        Assert.True(dx.ExitCode == 0, dx.Error);
        Assert.Contains("imported 98,186 diagnosis codes", dx.Out, StringComparison.Ordinal);
        var px = await CliRun.RunAsync("reference", "import-classification", SharedData.Path("icd10pcs", "icd10pcs_order_2026.txt"),
            "--kind", "intervention", "--version", "ICD-10-PCS-2026", "--effective-from", "2015-10-01", "--format", "cms-order", "--data", data);
        Assert.True(px.ExitCode == 0, px.Error);

        var first = await CliRun.RunAsync("ingest", Path.Combine(gen, "abstracts.csv"), "--json", "--data", data);
        Assert.True(first.ExitCode == 0, first.Error);
        using var summary = JsonDocument.Parse(first.Out);
        var root = summary.RootElement;

        var invalid = File.ReadLines(Path.Combine(gen, "truth.csv")).Count(l => l.Contains(",invalid_code,", StringComparison.Ordinal));
        Assert.Equal(20000, root.GetProperty("received").GetInt32());
        Assert.Equal(invalid, root.GetProperty("quarantined").GetInt32());
        Assert.Equal(invalid, root.GetProperty("quarantined_by_reason").GetProperty("K01").GetInt32());
        Assert.Equal(root.GetProperty("received").GetInt32(), root.GetProperty("loaded").GetInt32() + root.GetProperty("quarantined").GetInt32());
        foreach (var name in new[] { "replaced", "deleted", "quarantined_by_reason", "files" })
            Assert.True(root.TryGetProperty(name, out _), name);

        var counts = WarehouseCounts(data);
        var second = await CliRun.RunAsync("ingest", Path.Combine(gen, "abstracts.csv"), "--json", "--data", data);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains("\"status\":\"already_loaded\"", second.Out, StringComparison.Ordinal);
        Assert.Equal(counts, WarehouseCounts(data));
    }

    [Fact]
    public async Task Ingest_ExitsNonZero_WhenAFileCannotBeRead()
    {
        var bad = temp.Combine("bad.csv");
        File.WriteAllText(bad, "hello,world\n1,2\n");

        var run = await CliRun.RunAsync("ingest", bad, "--data", temp.Combine("data"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("bad.csv, line 1", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_ExitsNonZero_WhenAFileDoesNotExist()
    {
        var run = await CliRun.RunAsync("ingest", temp.Combine("missing.csv"), "--data", temp.Combine("data"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("missing.csv", run.Error, StringComparison.Ordinal);
    }

    private static string WarehouseCounts(string data)
    {
        using var connection = new WarehouseDatabase(new DataDirectory(data)).OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = """
            select (select count(*) from meta.batches) || '/' || (select count(*) from core.abstract_versions) || '/' ||
                   (select count(*) from marts.fct_abstracts) || '/' || (select count(*) from marts.fct_diagnoses) || '/' ||
                   (select count(*) from marts.fct_interventions)
            """;
        return (string)command.ExecuteScalar()!;
    }
}
