using HealthStats.TestSupport;

namespace HealthStats.Cli.Tests;

public sealed class GenerateFormatTests : IDisposable
{
    private readonly TempDirectory temp = new("generate-format");

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("jsonl", "abstracts.jsonl")]
    [InlineData("fhir", "abstracts.fhir.ndjson")]
    public async Task Generate_WritesTheFormatsFile_AndIngestReadsIt(string format, string fileName)
    {
        var output = temp.Combine("gen");
        var generate = await CliRun.RunAsync("generate", "--abstracts", "40", "--seed", "3", "--format", format, "--out", output);

        Assert.True(generate.ExitCode == 0, generate.Error);
        Assert.Contains(fileName, generate.Out, StringComparison.Ordinal);
        Assert.Contains("abstracts/s", generate.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "abstracts.csv")));

        var ingest = await CliRun.RunAsync("ingest", Path.Combine(output, fileName), "--data", temp.Combine("data"));
        Assert.True(ingest.ExitCode == 0, ingest.Error);
        Assert.Contains("received         40", ingest.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_FailsNamingTheOption_WhenTheFormatIsUnknown()
    {
        var run = await CliRun.RunAsync("generate", "--abstracts", "5", "--seed", "3", "--format", "xml", "--out", temp.Combine("gen"));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--format must be one of csv, jsonl, fhir", run.Error, StringComparison.Ordinal);
    }
}
