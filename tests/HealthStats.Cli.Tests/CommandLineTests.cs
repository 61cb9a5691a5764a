namespace HealthStats.Cli.Tests;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("generate")]
    [InlineData("reference", "import-classification")]
    [InlineData("reference", "import-addenda")]
    [InlineData("reference", "import-code-list")]
    [InlineData("reference", "import-population")]
    [InlineData("reference", "import-standard-population")]
    [InlineData("reference", "list")]
    [InlineData("ingest")]
    [InlineData("reference", "import-ccsr")]
    [InlineData("warehouse", "models")]
    public async Task Help_DescribesTheCommandAndDataOption(params string[] command)
    {
        var run = await CliRun.RunAsync([.. command, "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("usage: healthstats " + string.Join(' ', command), run.Out, StringComparison.Ordinal);
        Assert.Contains("--data DIR", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoCommand_ListsTheCommands()
    {
        var run = await CliRun.RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("reference import-classification", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_ExitsWith2()
    {
        var run = await CliRun.RunAsync("frobnicate");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown command 'frobnicate'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownOption_IsNamed()
    {
        var run = await CliRun.RunAsync("generate", "--abstracts", "10", "--seed", "1", "--out", "x", "--colour", "blue");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown option --colour", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingRequiredOption_IsNamed()
    {
        var run = await CliRun.RunAsync("generate", "--abstracts", "10", "--out", "x");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--seed is required", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadNumber_IsNamed()
    {
        var run = await CliRun.RunAsync("generate", "--abstracts", "ten", "--seed", "1", "--out", "x");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--abstracts: 'ten' is not a whole number", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportClassification_RejectsAnUnknownKind()
    {
        var run = await CliRun.RunAsync("reference", "import-classification", "x.txt", "--kind", "procedure", "--version", "V", "--effective-from", "2025-10-01");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--kind must be diagnosis or intervention", run.Error, StringComparison.Ordinal);
    }
}
