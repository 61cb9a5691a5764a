using HealthStats.Warehouse.Extracts;
using HealthStats.Warehouse.Indicators;

namespace HealthStats.Warehouse.Tests.Extracts;

public sealed class ExtractSpecReaderTests
{
    private const string File = "specs/ministry.json";

    private static ExtractSpecException Problems(string json) =>
        Assert.Throws<ExtractSpecException>(() => ExtractSpecReader.Parse(json, File));

    [Fact]
    public void Parse_ReadsEveryField_WhenTheSpecIsValid()
    {
        var spec = ExtractSpecReader.Parse("""
            {
              "name": "monthly", "description": "d", "fiscal_years": ["2024"], "geography": { "regions": ["R01", "R02"] },
              "standard_population": "CAN2011",
              "suppression": { "policy": "CIHI", "threshold": 6, "zeros": "suppress" },
              "tables": [ { "name": "by_sex", "indicator": "discharges", "dimensions": ["sex"], "filters": { "admit_category": ["U", "L"] } } ]
            }
            """, File);

        Assert.Equal(["2024"], spec.FiscalYears);
        Assert.Equal(["R01", "R02"], spec.Regions);
        Assert.Equal(["U", "L"], spec.Tables.Single().Filters.Single().Value);
        var policy = spec.Suppression.ToPolicy();
        Assert.Equal((6, true, 20_000L, "CIHI (modified)"), (policy.Threshold, policy.SuppressZeros, policy.MinimumRegionPopulation!.Value, policy.Name));
    }

    [Fact]
    public void Parse_NamesTheFileAndJsonPath_OfEachSchemaProblem()
    {
        var ex = Problems("""
            { "name": "m", "suppression": { "threshold": "five" },
              "tables": [ { "name": "Bad Name", "indicator": "discharges", "colour": "red" } ] }
            """);

        Assert.Equal(File, ex.File);
        Assert.Contains(ex.Problems, p => p.Path == "$.suppression.threshold");
        Assert.Contains(ex.Problems, p => p.Path == "$.tables[0].name");
        Assert.Contains(ex.Problems, p => p.Path == "$.tables[0].colour" && p.Message.Contains("not a property", StringComparison.Ordinal));
        Assert.All(ex.Message.Split(Environment.NewLine), line => Assert.StartsWith(File + ": $.", line));
    }

    [Fact]
    public void Parse_AsksForAPolicyOrThreshold_WhenSuppressionHasNeither()
    {
        var ex = Problems("""{ "name": "m", "suppression": {}, "tables": [ { "name": "t", "indicator": "discharges" } ] }""");

        Assert.Contains(ex.Problems, p => p.Path == "$.suppression" && p.Message.Contains("threshold", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_NamesLineAndByte_WhenTheFileIsNotJson()
    {
        var ex = Problems("{ \"name\": \"m\",\n  \"tables\": [ }");

        Assert.Contains("line 2", Assert.Single(ex.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NamesWhatExists_WhenAnIndicatorOrDimensionIsUnknown()
    {
        var ex = Problems("""
            { "name": "m", "suppression": { "policy": "HCUP" },
              "tables": [ { "name": "a", "indicator": "dischargez" },
                          { "name": "b", "indicator": "discharges", "dimensions": ["sex", "colour"], "filters": { "ward": ["4"] } },
                          { "name": "b", "indicator": "charlson_distribution", "dimensions": ["sex"] } ] }
            """);

        Assert.Equal(
            ["$.tables[0].indicator", "$.tables[1].dimensions[1]", "$.tables[1].filters.ward", "$.tables[2].name", "$.tables[2].dimensions"],
            ex.Problems.Select(p => p.Path));
        Assert.Contains("the indicators are: discharges, patient_days", ex.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("its dimensions are: month, quarter, fiscal_year", ex.Problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RefusesFiscalYears_ForAnIndicatorWithoutThem()
    {
        var ex = Problems("""
            { "name": "m", "fiscal_years": ["2024", "2025"], "suppression": { "policy": "CMS" },
              "tables": [ { "name": "q", "indicator": "quarantine_rate" }, { "name": "r", "indicator": "hospitalisation_rate" } ] }
            """);

        Assert.Equal(["$.fiscal_years", "$.fiscal_years"], ex.Problems.Select(p => p.Path));
        Assert.Contains("takes one year at a time", ex.Problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GoverningCounts_MapEveryIndicatorOfTheLibrary()
    {
        Assert.All(IndicatorLibrary.All, indicator => Assert.True(GoverningCounts.Has(indicator.Id), indicator.Id));
    }

    [Fact]
    public void Schema_IsPublishedBesideTheCode_AsEmbedded()
    {
        var published = System.IO.File.ReadAllText(Path.Combine(RepositoryRoot(), "warehouse/HealthStats.Warehouse/Extracts/extract-spec.schema.json"));

        Assert.Equal(published, ExtractSpecSchema.Text);
    }

    [Fact]
    public void Read_AcceptsTheExampleSpecOfTheReadme()
    {
        var spec = ExtractSpecReader.Read(Path.Combine(RepositoryRoot(), "examples/extract-spec.json"));

        Assert.Equal(5, spec.Tables.Count);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!System.IO.File.Exists(Path.Combine(directory!.FullName, "HealthStats.sln")))
            directory = directory.Parent;
        return directory.FullName;
    }
}
