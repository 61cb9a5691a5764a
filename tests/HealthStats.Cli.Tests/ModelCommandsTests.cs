using HealthStats.TestSupport;

namespace HealthStats.Cli.Tests;

public sealed class ModelCommandsTests : IDisposable
{
    private readonly TempDirectory temp = new("cli-models");

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task WarehouseModels_PrintsEveryModelsSql_WhenDryRun()
    {
        var run = await CliRun.RunAsync("warehouse", "models", "--dry-run", "--data", temp.Combine("data"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("-- staging.stg_abstract_versions\ncreate or replace view staging.stg_abstract_versions as", run.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("create or replace table marts.fct_abstracts as", run.Out, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Combine("data")), "a dry run made the data directory");
    }

    [Fact]
    public async Task WarehouseModels_BuildsAndRunsTheDataTests_OnAWarehouse()
    {
        var run = await CliRun.RunAsync("warehouse", "models", "--data", temp.Combine("data"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("marts.sum_readmissions_monthly", run.Out, StringComparison.Ordinal);
        Assert.Contains("data tests, 0 failed", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportCcsr_NamesFileLineAndField_WhenAFlagIsWrong()
    {
        var file = temp.Combine("DXCCSR.csv");
        File.WriteAllLines(file,
        [
            "ICD-10-CM Code,CCSR Category,CCSR Category Description,Inpatient Default CCSR (Y/N/X),Outpatient Default CCSR (Y/N/X)",
            "J189,RSP002,Pneumonia,Yes,Y",
        ]);

        var run = await CliRun.RunAsync("reference", "import-ccsr", file, "--data", temp.Combine("data"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{file}, line 2, field Inpatient Default CCSR (Y/N/X): expected Y, N or X, found 'Yes'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportCcsr_ReportsWhatItStored_WhenTheFileIsRight()
    {
        var file = temp.Combine("DXCCSR_v2024-1_DX_to_CCSR_Mapping.csv");
        File.WriteAllLines(file,
        [
            "ICD-10-CM Code,CCSR Category,CCSR Category Description,Inpatient Default CCSR (Y/N/X),Outpatient Default CCSR (Y/N/X)",
            "J189,RSP002,Pneumonia,Y,Y",
            "E1122,END005,Diabetes mellitus with complication,Y,Y",
            "E1122,GEN003,Chronic kidney disease,N,N",
        ]);

        var run = await CliRun.RunAsync("reference", "import-ccsr", file, "--data", temp.Combine("data"));

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("imported CCSR v2024-1: 2 codes, 3 code-category rows, 3 categories", run.Out, StringComparison.Ordinal);
    }
}
