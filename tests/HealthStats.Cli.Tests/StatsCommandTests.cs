using System.Text.Json;

namespace HealthStats.Cli.Tests;

public sealed class StatsCommandTests(StatsWarehouse warehouse) : IClassFixture<StatsWarehouse>
{
    private static List<JsonElement> Rows(CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.Error);
        return [.. JsonDocument.Parse(run.Out).RootElement.EnumerateArray()];
    }

    private static List<string> Names(JsonElement row) => [.. row.EnumerateObject().Select(p => p.Name)];

    [Fact]
    public async Task Stats_PrintsAJsonArray_WithTheDimensionsUnderTheirNamesAndTheValue()
    {
        var total = Rows(await warehouse.Stats("discharges", "--format", "json")).Single();
        var rows = Rows(await warehouse.Stats("discharges", "--by", "fiscal_year,sex", "--format", "json"));

        Assert.Equal(["value"], Names(total));
        Assert.All(rows, r => Assert.Equal(["fiscal_year", "sex", "value"], Names(r)));
        Assert.Equal(total.GetProperty("value").GetDouble(), rows.Sum(r => r.GetProperty("value").GetDouble()));
        Assert.True(total.GetProperty("value").GetDouble() > 300, "the generated abstracts were not loaded");
    }

    [Fact]
    public async Task Stats_KeepsRowsMatchingEveryWhere_WhenRepeated()
    {
        var cells = Rows(await warehouse.Stats("patient_days", "--by", "sex,fiscal_year", "--format", "json"));
        var cell = cells.First(r => r.GetProperty("sex").GetString() == "F");
        var year = cell.GetProperty("fiscal_year").GetString()!;

        var filtered = Rows(await warehouse.Stats("patient_days", "--where", "sex=F", "--where", $"fiscal_year={year}", "--format", "json")).Single();

        Assert.Equal(cell.GetProperty("value").GetDouble(), filtered.GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task Stats_GivesNumeratorDenominatorAndLimits_ForARate()
    {
        var rows = Rows(await warehouse.Stats("hospitalisation_rate", "--by", "year", "--format", "json"));
        var withRegion = Rows(await warehouse.Stats("discharges", "--by", "fiscal_year,region", "--format", "json"))
            .Where(r => r.GetProperty("region").GetString() != "unknown")
            .GroupBy(r => r.GetProperty("fiscal_year").GetString()!)
            .ToDictionary(g => g.Key, g => g.Sum(r => r.GetProperty("value").GetDouble()));

        Assert.Equal(warehouse.PopulationByYear.Keys.Order(), rows.Select(r => r.GetProperty("year").GetString()!));
        foreach (var row in rows)
        {
            Assert.Equal(["year", "value", "numerator", "denominator", "ci_low", "ci_high"], Names(row));
            var year = row.GetProperty("year").GetString()!;
            double value = row.GetProperty("value").GetDouble(), numerator = row.GetProperty("numerator").GetDouble();
            Assert.Equal(withRegion[year], numerator);
            Assert.Equal(warehouse.PopulationByYear[year], row.GetProperty("denominator").GetDouble());
            Assert.Equal(numerator / warehouse.PopulationByYear[year] * 100_000, value, 9);
            Assert.InRange(value, row.GetProperty("ci_low").GetDouble(), row.GetProperty("ci_high").GetDouble());
        }
    }

    [Fact]
    public async Task Stats_StandardisedRateIsTheCrudeOne_WhenThePopulationHasOneAgeGroup()
    {
        var crude = Rows(await warehouse.Stats("hospitalisation_rate", "--by", "year", "--format", "json"));
        var standardised = Rows(await warehouse.Stats("age_standardised_hospitalisation_rate", "--by", "year", "--standard", "TEST", "--format", "json"));

        Assert.Equal(crude.Select(r => Math.Round(r.GetProperty("value").GetDouble(), 9)), standardised.Select(r => Math.Round(r.GetProperty("value").GetDouble(), 9)));
        Assert.Equal(crude.Select(r => Math.Round(r.GetProperty("ci_high").GetDouble(), 6)), standardised.Select(r => Math.Round(r.GetProperty("ci_high").GetDouble(), 6)));
    }

    [Fact]
    public async Task Stats_SaysHowToImportTheDefaultStandard_WhenItIsMissing()
    {
        var run = await warehouse.Stats("age_standardised_hospitalisation_rate");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("standard population 'CAN2011' is not imported (held: TEST)", run.Error, StringComparison.Ordinal);
        Assert.Contains("--as CAN2011", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_Top_KeepsTheMostFrequentCodesPerYear_WithTheirTitles()
    {
        var all = Rows(await warehouse.Stats("mrdx_discharges", "--by", "fiscal_year,code", "--format", "json"));
        var top = Rows(await warehouse.Stats("mrdx_discharges", "--by", "fiscal_year,code", "--top", "3", "--format", "json"));

        Assert.All(top, r => Assert.Equal(["fiscal_year", "code", "code_title", "value"], Names(r)));
        foreach (var year in all.GroupBy(r => r.GetProperty("fiscal_year").GetString()))
        {
            var expected = year.Select(r => r.GetProperty("value").GetDouble()).OrderDescending().Take(3);
            Assert.Equal(expected, top.Where(r => r.GetProperty("fiscal_year").GetString() == year.Key).Select(r => r.GetProperty("value").GetDouble()));
        }
    }

    [Fact]
    public async Task Stats_WritesCsv_WithAHeaderAndOneLinePerRow()
    {
        var json = Rows(await warehouse.Stats("in_hospital_mortality", "--by", "facility", "--format", "json"));
        var run = await warehouse.Stats("in_hospital_mortality", "--by", "facility", "--format", "csv");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("facility,value,numerator,denominator", lines[0]);
        Assert.Equal(json.Count, lines.Count - 1);
        Assert.StartsWith(json[0].GetProperty("facility").GetString() + ",", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_HeadsTheCsv_WithTheAgeGroupThatAgeSpecificRatesAlwaysHave()
    {
        var run = await warehouse.Stats("age_specific_hospitalisation_rate", "--by", "year", "--format", "csv");

        Assert.True(run.ExitCode == 0, run.Error);
        var lines = run.Out.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("year,age_group,value,numerator,denominator,ci_low,ci_high", lines[0]);
        Assert.Equal(warehouse.PopulationByYear.Count, lines.Count - 1);
        Assert.All(lines.Skip(1), l => Assert.Contains(",0+,", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stats_PrintsATable_WithTheIndicatorsNameAndUnit()
    {
        var run = await warehouse.Stats("alos_typical", "--by", "fiscal_year");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Average acute length of stay, typical stays (days)", run.Out, StringComparison.Ordinal);
        Assert.Contains("fiscal_year  value  numerator  denominator", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatsList_DefinesEveryIndicatorAndDimension()
    {
        var table = await warehouse.Stats("--list");
        var json = await warehouse.Stats("--list", "--format", "json");

        Assert.Equal(0, table.ExitCode);
        var root = JsonDocument.Parse(json.Out).RootElement;
        var ids = root.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
        Assert.Contains("discharges", ids);
        Assert.Contains("age_standardised_hospitalisation_rate", ids);
        Assert.All(ids, id => Assert.Contains($"  {id}: ", table.Out, StringComparison.Ordinal));
        Assert.Contains("exclusions:   Index episodes: deaths", table.Out, StringComparison.Ordinal);
        Assert.Contains(root.GetProperty("dimensions").EnumerateArray(), d => d.GetProperty("id").GetString() == "quarter");
    }

    [Theory]
    [InlineData(1, "unknown indicator 'admissions'", "admissions")]
    [InlineData(1, "indicator 'discharges' has no dimension 'ward'", "discharges", "--by", "ward")]
    [InlineData(1, "indicator 'discharges' has no facility 'NOPE'; its values are: ", "discharges", "--where", "facility=NOPE")]
    [InlineData(1, "indicator 'readmission_30d' has no dimension 'sex'", "readmission_30d", "--where", "sex=F")]
    [InlineData(2, "--where takes DIM=VALUE, not 'facility'", "discharges", "--where", "facility")]
    [InlineData(2, "--format is table, csv or json, not 'xml'", "discharges", "--format", "xml")]
    [InlineData(2, "give an INDICATOR, or --list")]
    [InlineData(1, "--top takes a number of rows from 1, not 0", "discharges", "--by", "facility", "--top", "0")]
    public async Task Stats_NamesWhatIsWrong_WhenTheRequestIsBad(int exitCode, string message, params string[] args)
    {
        var run = await warehouse.Stats(args);

        Assert.Equal(exitCode, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }
}
