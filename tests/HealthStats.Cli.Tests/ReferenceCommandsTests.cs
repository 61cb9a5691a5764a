using System.Text.Json;
using HealthStats.TestSupport;

namespace HealthStats.Cli.Tests;

/// <summary>The reference commands end to end on a temporary data directory, with small self-made files.</summary>
public sealed class ReferenceCommandsTests : IDisposable
{
    private const string PopulationHeader = "year,region,sex,age_start,age_end,population";

    private readonly TempDirectory temp = new("reference-cli");

    public void Dispose() => temp.Dispose();

    private string Data => temp.Combine("data");

    [Fact]
    public async Task ImportPopulation_SaysWhatItReplaced_WhenAYearAndRegionComeAgain()
    {
        var file = Write("pop.csv", PopulationHeader, "2024,R01,M,0,44,1000", "2024,R01,M,45,,500", "2024,ALL,T,0,,5000");
        var first = await Run("reference", "import-population", file, "--year-kind", "fiscal");
        Assert.Contains("imported 3 population counts for 2 fiscal year(s) and region(s), 0 of them replacing earlier ones", first.Out, StringComparison.Ordinal);

        var second = await Run("reference", "import-population", Write("pop2.csv", PopulationHeader, "2024,R01,T,0,,1600"), "--year-kind", "fiscal");

        Assert.Contains("replaced the populations of fiscal year 2024, region R01", second.Out, StringComparison.Ordinal);
        var populations = (await Json()).GetProperty("populations");
        Assert.Equal(["2024 ALL T 5000", "2024 R01 T 1600"],
            populations.EnumerateArray().Select(p => $"{p.GetProperty("year")} {p.GetProperty("region").GetString()} {p.GetProperty("sexes").GetString()} {p.GetProperty("total")}"));
    }

    [Fact]
    public async Task ImportPopulation_StoresNothingAndNamesFileLineAndField_WhenAgeGroupsOverlap()
    {
        var file = Write("pop.csv", PopulationHeader, "2024,R01,M,0,44,1000", "2024,R01,M,45,,500", "2024,R02,F,0,44,900", "2024,R02,F,40,,400");

        var run = await CliRun.RunAsync("reference", "import-population", file, "--year-kind", "calendar", "--data", Data);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{file}, line 5, field age_start: the age group starting at 40 of 2024 R02 F overlaps the group 0-44 (line 4)", run.Error, StringComparison.Ordinal);
        Assert.Empty((await Json()).GetProperty("populations").EnumerateArray());
    }

    [Fact]
    public async Task ImportPopulation_RejectsAnUnknownYearKind()
    {
        var run = await CliRun.RunAsync("reference", "import-population", "x.csv", "--year-kind", "academic", "--data", Data);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--year-kind must be calendar or fiscal", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportStandardPopulation_StoresItUnderTheShortName_WhenGivenAs()
    {
        var file = Write("std.csv", "standard,age_start,age_end,population", "My standard,0,64,800", "My standard,65,,200");

        var run = await Run("reference", "import-standard-population", file, "--as", "MINE");

        Assert.Contains("imported standard population MINE (My standard): 2 age groups, total 1,000", run.Out, StringComparison.Ordinal);
        var standard = Assert.Single((await Json()).GetProperty("standard_populations").EnumerateArray());
        Assert.Equal(("MINE", "My standard", 65), (standard.GetProperty("name").GetString(), standard.GetProperty("standard").GetString(), standard.GetProperty("top_age_start").GetInt32()));
    }

    [Fact]
    public async Task ImportStandardPopulation_AsksForStandard_WhenTheFileHoldsSeveralAndAsIsGiven()
    {
        var file = Write("std.csv", "standard,age_start,age_end,population", "A,0,,1", "B,0,,1");

        var run = await CliRun.RunAsync("reference", "import-standard-population", file, "--as", "X", "--data", Data);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("holds 2 standards, and --as names one: pick it with --standard", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportStandardPopulation_NamesFileLineAndField_WhenAgeGroupsLeaveAGap()
    {
        var file = Write("std.csv", "standard,age_start,age_end,population", "A,0,44,1", "A,50,,1");

        var run = await CliRun.RunAsync("reference", "import-standard-population", file, "--data", Data);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{file}, line 3, field age_start: the age groups of A leave a gap", run.Error, StringComparison.Ordinal);
    }

    [SharedDataFact]
    public async Task ImportStandardPopulation_Imports2011Canadian_WhenPickedFromTheSeerFile()
    {
        var run = await Run("reference", "import-standard-population", SharedData.Path("stdpop", "rads_reference_pop_19_age_groups.csv"),
            "--standard", "2011 Canadian Standard Population (19 age groups)", "--as", "CAN2011");

        Assert.Contains("imported standard population CAN2011 (2011 Canadian Standard Population (19 age groups)): 19 age groups, total 34,342,780", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportCodeList_AddsTheSitesCodes_WhenGivenCodeAndTitleWithList()
    {
        var run = await Run("reference", "import-code-list", Write("dispositions.csv", "code,title", "13,Transferred to hospice"), "--list", "discharge_disposition");

        Assert.Contains("imported 1 codes: 1 added, 0 replaced", run.Out, StringComparison.Ordinal);
        var lists = (await Json()).GetProperty("code_lists").EnumerateArray().ToDictionary(l => l.GetProperty("list").GetString()!);
        Assert.Contains(lists["discharge_disposition"].GetProperty("codes").EnumerateArray(), c => c.GetProperty("code").GetString() == "13");
    }

    [Fact]
    public async Task ImportCodeList_NamesFileLineAndField_WhenTheListIsUnknown()
    {
        var file = Write("codes.csv", "list,code,title", "sex,X,Intersex", "disposition,13,Hospice");

        var run = await CliRun.RunAsync("reference", "import-code-list", file, "--data", Data);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{file}, line 3, field list: unknown code list 'disposition'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAddenda_MakesADeletedCodeValidTheYearBefore_WhenTheVersionIsImported()
    {
        await Run("reference", "import-classification", Write("cm.csv", "code,title,billable", "B880,Other acariasis,0", "B8801,Infestation by Demodex mites,1"),
            "--kind", "diagnosis", "--version", "CM-2026", "--effective-from", "2025-10-01");
        var addenda = Write("addenda.txt",
            "Delete:      1 B880    " + "Other acariasis".PadRight(60) + " Other acariasis",
            "Add:         0 B880    " + "Other acariasis".PadRight(60) + " Other acariasis",
            "Add:         1 B8801   " + "Infestation by Demodex mites".PadRight(60) + " Infestation by Demodex mites");

        var run = await Run("reference", "import-addenda", addenda, "--kind", "diagnosis", "--version", "CM-2026");

        Assert.Contains("imported the addenda of diagnosis version CM-2026: 2 additions, 1 deletions, 0 revisions; they apply to discharges from 2024-10-01 to 2025-09-30",
            run.Out, StringComparison.Ordinal);
        var version = (await Json()).GetProperty("classifications").EnumerateArray().Single(v => v.GetProperty("version").GetString() == "CM-2026");
        Assert.Equal("addenda.txt", version.GetProperty("addenda").GetProperty("source").GetString());
    }

    [Fact]
    public async Task ImportAddenda_NamesFileLineAndField_WhenALineIsUnknown()
    {
        var addenda = Write("addenda.txt", "Add:         B8801   Infestation by Demodex mites", "Moved:       B8809   Other acariasis");

        var run = await CliRun.RunAsync("reference", "import-addenda", addenda, "--kind", "diagnosis", "--version", "CM-2026", "--data", Data);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{addenda}, line 2, field change: unknown addenda line starting 'Moved:'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAddenda_SaysToImportTheVersion_WhenItIsNotImported()
    {
        var addenda = Write("addenda.txt", "Add:         B8801   Infestation by Demodex mites");

        var run = await CliRun.RunAsync("reference", "import-addenda", addenda, "--kind", "diagnosis", "--version", "CM-2026", "--data", Data);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("There is no diagnosis version 'CM-2026' to attach addenda to", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_ShowsEveryKindOfReferenceData()
    {
        await Run("reference", "import-population", Write("pop.csv", PopulationHeader, "2024,ALL,T,0,,5000"), "--year-kind", "calendar");
        await Run("reference", "import-standard-population", Write("std.csv", "standard,age_start,age_end,population", "S,0,,1"), "--as", "S1");

        var run = await Run("reference", "list");

        Assert.Contains("  diagnosis    starter                  1900-01-01 open", run.Out, StringComparison.Ordinal);
        Assert.Contains("  calendar 2024 ALL                  sexes T     1 age groups  total         5,000  pop.csv", run.Out, StringComparison.Ordinal);
        Assert.Contains("  S1                         1 age groups (top 0+)  total             1  S", run.Out, StringComparison.Ordinal);
        Assert.Contains("  discharge_disposition  01 02 03 04 05 06 07 08 09 12", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WarehouseRebuild_KeepsEveryReferenceTable()
    {
        await Run("reference", "import-classification", Write("cm.csv", "code,title,billable", "B880,Other acariasis,0", "B8801,Infestation by Demodex mites,1"),
            "--kind", "diagnosis", "--version", "CM-2026", "--effective-from", "2025-10-01");
        await Run("reference", "import-addenda", Write("addenda.txt", "Delete:      B880    Other acariasis", "Add:         B8801   Infestation by Demodex mites"),
            "--kind", "diagnosis", "--version", "CM-2026");
        await Run("reference", "import-population", Write("pop.csv", PopulationHeader, "2024,R01,M,0,,10", "2024,R01,F,0,,12"), "--year-kind", "fiscal");
        await Run("reference", "import-standard-population", Write("std.csv", "standard,age_start,age_end,population", "S,0,64,9", "S,65,,1"), "--as", "S1");
        await Run("reference", "import-code-list", Write("codes.csv", "list,code,title", "discharge_disposition,13,Hospice"));
        var before = (await Json()).GetRawText();

        await Run("warehouse", "rebuild");

        Assert.Equal(before, (await Json()).GetRawText());
        Assert.Contains("\"additions\":1,\"deletions\":1", before, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"13\"", before, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportEdits_ListsTheVersion_WithItsCodesPerEditType()
    {
        var file = Write("site-edits.csv", "edit_type,code_kind,code,effective_from,effective_to",
            "male_only,diagnosis,N40.0,2024-04-01,", "female_only,intervention,0UL70ZZ,2024-04-01,");

        var run = await Run("reference", "import-edits", file, "--version", "SITE-2024");

        Assert.Contains("imported edits SITE-2024 (csv) for discharges from 2024-04-01: 2 codes", run.Out, StringComparison.Ordinal);
        var edits = (await Json()).GetProperty("code_edits").EnumerateArray()
            .Select(e => $"{e.GetProperty("version").GetString()} {e.GetProperty("effective_from").GetString()} {e.GetProperty("codes")} {e.GetProperty("builtin")}")
            .ToList();
        Assert.Equal(["starter 1900-01-01 138 True", "SITE-2024 2024-04-01 2 False"], edits);
        var text = await Run("reference", "list");
        Assert.Contains("SITE-2024", text.Out, StringComparison.Ordinal);
        Assert.Contains("female_only 1, male_only 1", text.Out, StringComparison.Ordinal);
    }

    [SharedDataFact]
    public async Task ImportEdits_ReadsTheCmsMceFile_AsMceV37()
    {
        var run = await Run("reference", "import-edits", SharedData.Path("mce", "MCE_Simple_Code_Edits_v37_FY2020.txt"));

        Assert.Contains("imported edits MCE-v37 (mce) for discharges from 2019-10-01: 14,000 codes; 153 MCE coverage rows not run", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportEdits_NamesFileLineAndField_WhenARowIsWrong()
    {
        var file = Write("bad-edits.csv", "edit_type,code_kind,code,effective_from,effective_to",
            "male_only,diagnosis,N40.0,2024-04-01,", "males,diagnosis,C61,2024-04-01,");

        var run = await CliRun.RunAsync("reference", "import-edits", file, "--data", Data);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{file}, line 3, field edit_type: 'males' is not an edit type", run.Error, StringComparison.Ordinal);
        Assert.Equal(["starter"], (await Json()).GetProperty("code_edits").EnumerateArray().Select(e => e.GetProperty("version").GetString()));
    }

    [Fact]
    public async Task ImportEdits_RejectsAnUnknownFormat()
    {
        var run = await CliRun.RunAsync("reference", "import-edits", "x.csv", "--format", "xml", "--data", Data);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--format must be mce or csv", run.Error, StringComparison.Ordinal);
    }

    private async Task<CliRun> Run(params string[] args)
    {
        var run = await CliRun.RunAsync([.. args, "--data", Data]);
        Assert.True(run.ExitCode == 0, run.Error);
        return run;
    }

    private async Task<JsonElement> Json()
    {
        var run = await Run("reference", "list", "--json");
        using var document = JsonDocument.Parse(run.Out);
        return document.RootElement.Clone();
    }

    private string Write(string name, params string[] lines)
    {
        var path = temp.Combine(name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }
}
