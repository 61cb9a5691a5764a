using System.Text.Json;
using HealthStats.TestSupport;

namespace HealthStats.Cli.Tests;

/// <summary>
/// `healthstats fuzz` for a bounded time per reader: random mutants of generated files may only be read,
/// quarantined or refused as a whole with the documented error. A finding fails the test with the
/// mutant saved, to be replayed with `healthstats ingest`.
/// </summary>
public sealed class FuzzCommandTests : IDisposable
{
    private readonly TempDirectory temp = new("fuzz");

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("csv", 500)]
    [InlineData("jsonl", 500)]
    [InlineData("fhir", 40)]
    public async Task Fuzz_FindsNothing_WhenEachReaderGetsMutantsFor8Seconds(string format, int minimumInputs)
    {
        var findings = temp.Combine("findings");

        var run = await CliRun.RunAsync("fuzz", "--format", format, "--seconds", "8", "--seed", "11", "--findings", findings, "--json");

        var report = Assert.Single(JsonDocument.Parse(run.Out).RootElement.EnumerateArray());
        var found = report.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("error").GetString()).ToList();
        Assert.True(found.Count == 0, $"findings (saved in {findings}): {string.Join("; ", found)}");
        Assert.Equal(0, run.ExitCode);
        Assert.InRange(report.GetProperty("inputs").GetInt64(), minimumInputs, long.MaxValue);
        Assert.True(report.GetProperty("records").GetInt64() > 0, "no mutant gave a record: the seeds do not read");
        Assert.True(report.GetProperty("quarantined").GetInt64() < report.GetProperty("records").GetInt64(), "every record was quarantined: the seeds do not load");
    }

    [Fact]
    public async Task Fuzz_RefusesAFormat_WhenItIsUnknown()
    {
        var run = await CliRun.RunAsync("fuzz", "--format", "xml");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--format must be one of csv, jsonl, fhir", run.Error, StringComparison.Ordinal);
    }
}
