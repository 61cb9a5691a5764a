using System.Globalization;
using System.Text.Json;
using HealthStats.TestSupport;

namespace HealthStats.Cli.Tests;

public sealed class CodingCommandsTests : IDisposable
{
    private readonly TempDirectory temp = new("cli-coding");

    public void Dispose() => temp.Dispose();

    // Generated abstracts with errors, ingested, and the truth of every other abstract imported as audit outcomes.
    private async Task<string> LabelledData()
    {
        var data = temp.Combine("data");
        var gen = temp.Combine("gen");
        Assert.Equal(0, (await CliRun.RunAsync("generate", "--abstracts", "3000", "--seed", "5", "--error-rate", "0.15", "--out", gen)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync("ingest", Path.Combine(gen, "abstracts.csv"), "--data", data, "--json")).ExitCode);
        var lines = File.ReadAllLines(Path.Combine(gen, "truth.csv"));
        var labels = temp.Combine("labels.csv");
        File.WriteAllLines(labels, [lines[0], .. lines.Skip(1).Where((_, i) => i % 2 == 0)]);
        var import = await CliRun.RunAsync("labels", "import", labels, "--data", data, "--json");
        using var json = JsonDocument.Parse(import.Out);
        var root = json.RootElement;
        Assert.Equal(root.GetProperty("received").GetInt32(), root.GetProperty("imported").GetInt32() + root.GetProperty("rejected").GetInt32());
        Assert.True(root.GetProperty("imported").GetInt32() > 1000);
        return data;
    }

    [Fact]
    public async Task Train_PrintsTheRegistryRows_AsJson()
    {
        var data = await LabelledData();

        var run = await CliRun.RunAsync("train", "--json", "--data", data);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var supervised = json.RootElement.GetProperty("supervised");
        Assert.True(supervised.GetProperty("is_current").GetBoolean());
        Assert.True(supervised.GetProperty("pr_auc").GetDouble() > 0.5);
        Assert.Equal(16, supervised.GetProperty("feature_schema_hash").GetString()!.Length);
        Assert.Equal("anomaly", json.RootElement.GetProperty("anomaly").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Flag_WritesTheBudgetsHighestScores_WithReasons_AsCsv()
    {
        var data = await LabelledData();
        Assert.Equal(0, (await CliRun.RunAsync("train", "--data", data)).ExitCode);
        var file = temp.Combine("flags.csv");

        var run = await CliRun.RunAsync("flag", "--budget", "25", "--out", file, "--data", data);

        Assert.Equal(0, run.ExitCode);
        var text = File.ReadAllText(file);
        Assert.StartsWith("facility_id,abstract_id,score,reasons\r\n", text, StringComparison.Ordinal);
        var rows = CsvRows.Read(file);
        Assert.Equal(25, rows.Count);
        var scores = rows.Select(r => double.Parse(r["score"], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.All(rows, r => Assert.NotEmpty(r["reasons"]));
    }

    [Fact]
    public async Task Flag_WritesEveryScoreAtOrAboveTheThreshold_ToStandardOutput()
    {
        var data = await LabelledData();
        Assert.Equal(0, (await CliRun.RunAsync("train", "--data", data)).ExitCode);

        var run = await CliRun.RunAsync("flag", "--threshold", "0.6", "--data", data);

        Assert.Equal(0, run.ExitCode);
        var path = temp.Combine("out.csv");
        File.WriteAllText(path, run.Out);
        var rows = CsvRows.Read(path);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.True(double.Parse(r["score"], CultureInfo.InvariantCulture) >= 0.6));
        Assert.Contains("scored", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flag_RefusesBudgetAndThresholdTogether()
    {
        var run = await CliRun.RunAsync("flag", "--budget", "5", "--threshold", "0.5", "--data", temp.Combine("data"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not both", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LabelsImport_ExitsOne_AndNamesTheLine_WhenARowIsRejected()
    {
        var data = temp.Combine("data");
        Assert.Equal(0, (await CliRun.RunAsync("warehouse", "models", "--data", data)).ExitCode);
        var file = temp.Combine("outcomes.csv");
        File.WriteAllLines(file, ["facility_id,abstract_id,outcome", "F001,A1,correct"]);

        var run = await CliRun.RunAsync("labels", "import", file, "--data", data);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("received 1, imported 0, rejected 1", run.Out, StringComparison.Ordinal);
        Assert.Contains("outcomes.csv: line 2: abstract_id:", run.Error, StringComparison.Ordinal);
    }
}
