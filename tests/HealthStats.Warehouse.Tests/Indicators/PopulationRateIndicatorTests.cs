using HealthStats.Warehouse.Indicators;
using HealthStats.Warehouse.Reference;
using HealthStats.Warehouse.Tests.Models;

namespace HealthStats.Warehouse.Tests.Indicators;

/// <summary>
/// Rates over <see cref="IndicatorStays"/>: in fiscal 2024, s1 (F 30, R1), s2 (M 70, R1) and s3 (F 72, R2) are
/// residents' discharges; s5 has no region. Populations (fiscal 2024): R1 both sexes (T) 1,000 aged 0-49
/// and 500 aged 50+; R2 by sex, M 400 and 100, F 600 and 300. A standard TEST weighs 0-49 60, 50+ 40.
/// </summary>
public sealed class PopulationRateIndicatorTests : IDisposable
{
    private readonly ModelWarehouse warehouse = IndicatorStays.Build();

    public PopulationRateIndicatorTests()
    {
        new PopulationStore(warehouse.Database).Import(YearKind.Fiscal,
        [
            new(2024, "R1", "T", 0, 49, 1_000), new(2024, "R1", "T", 50, null, 500),
            new(2024, "R2", "M", 0, 49, 400), new(2024, "R2", "M", 50, null, 100),
            new(2024, "R2", "F", 0, 49, 600), new(2024, "R2", "F", 50, null, 300),
        ], "test", replaceAll: false);
    }

    public void Dispose() => warehouse.Dispose();

    private void ImportStandard(string name, params StandardAgeGroup[] groups) =>
        new StandardPopulationStore(warehouse.Database).Import([(name, new StandardPopulation(name + " standard", groups))], "test");

    private IndicatorResult Compute(string indicator, string by = "", string? standard = null, params (string, string)[] where) =>
        IndicatorLibrary.Compute(warehouse.Database, indicator, new IndicatorRequest
        {
            By = by.Length == 0 ? [] : by.Split(','),
            Where = where.Select(w => new KeyValuePair<string, string>(w.Item1, w.Item2)).ToList(),
            Standard = standard,
        });

    [Fact]
    public void CrudeRate_IsResidentsDischargesOverTheSummedRegions_WithGarwoodsInterval()
    {
        // 3 discharges (s1, s2, s3) over 1,500 + 1,400 residents; exact limits of 3 are 0.6187 and 8.7673.
        var row = Compute("hospitalisation_rate", "year").Single("2024");

        Assert.Equal(3.0 / 2_900 * 100_000, row.Value!.Value, 9);
        Assert.Equal((3.0, 2_900.0), (row.Numerator!.Value, row.Denominator!.Value));
        Assert.Equal(0.6187 / 2_900 * 100_000, row.CiLow!.Value, 1);
        Assert.Equal(8.7673 / 2_900 * 100_000, row.CiHigh!.Value, 1);
    }

    [Fact]
    public void CrudeRate_ByRegion_CountsEachRegionsResidents()
    {
        var result = Compute("hospitalisation_rate", "region");

        Assert.Equal(2.0 / 1_500 * 100_000, result.Single("R1").Value!.Value, 9);
        Assert.Equal(1.0 / 1_400 * 100_000, result.Single("R2").Value!.Value, 9);
    }

    [Fact]
    public void AgeSpecificRates_UseThePopulationsAgeGroups()
    {
        // R2: nobody aged 0-49 of 1,000 (upper limit -ln(0.025) = 3.6889 events), s3 aged 72 of 400 aged 50+.
        var result = Compute("age_specific_hospitalisation_rate", where: ("region", "R2"));

        Assert.Equal(["0-49", "50+"], result.Rows.Select(r => r.Dimensions.Single().Value));
        Assert.Equal(0, result.Single("0-49").Value);
        Assert.Equal(0, result.Single("0-49").CiLow);
        Assert.Equal(3.6889 / 1_000 * 100_000, result.Single("0-49").CiHigh!.Value, 1);
        Assert.Equal(1.0 / 400 * 100_000, result.Single("50+").Value!.Value, 9);
    }

    [Fact]
    public void AgeSpecificRates_BySex_UseThatSexsPopulation()
    {
        var result = Compute("hospitalisation_rate", "sex,age_group", where: ("region", "R2"));

        Assert.Equal(new Dictionary<string, double?> { ["M|0-49"] = 0, ["M|50+"] = 0, ["F|0-49"] = 0, ["F|50+"] = 1.0 / 300 * 100_000 }, result.Values());
    }

    [Fact]
    public void StandardisedRate_WeighsTheAgeSpecificRates_ByTheStandard()
    {
        // Groups 0-49 and 50+ (the standard's 0-29 and 30-49 summed to meet the populations'):
        // 0.6 * 1/2,000 + 0.4 * 2/900 = 0.0011888...
        ImportStandard("TEST", new(0, 29, 35), new(30, 49, 25), new(50, null, 40));

        var row = Compute("age_standardised_hospitalisation_rate", "year", standard: "TEST").Single("2024");

        Assert.Equal((0.6 / 2_000 + 0.4 * 2 / 900) * 100_000, row.Value!.Value, 9);
        Assert.Equal((3.0, 2_900.0), (row.Numerator!.Value, row.Denominator!.Value));
        Assert.InRange(row.CiLow!.Value, 0, row.Value!.Value);
        Assert.InRange(row.CiHigh!.Value, row.Value!.Value, 2_000);
    }

    [Fact]
    public void StandardisedRate_NamesHowToImportTheDefaultStandard_WhenItIsMissing()
    {
        var error = Assert.Throws<IndicatorRequestException>(() => Compute("age_standardised_hospitalisation_rate"));

        Assert.Contains("standard population 'CAN2011' is not imported", error.Message, StringComparison.Ordinal);
        Assert.Contains("healthstats reference import-standard-population", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rate_BySex_SaysWhyWhenARegionHasOnlyBothSexes()
    {
        var error = Assert.Throws<IndicatorRequestException>(() => Compute("hospitalisation_rate", "sex"));

        Assert.Contains("no population of sex M is imported for 2024, region R1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rate_NamesTheRegion_WhenItHasNoPopulation()
    {
        var error = Assert.Throws<IndicatorRequestException>(() => Compute("hospitalisation_rate", where: ("region", "R9")));

        Assert.Equal("indicator 'hospitalisation_rate' has no region 'R9'; its values are: R1, R2", error.Message);
    }

    [Fact]
    public void CrudeRate_PoolsTheYears_WhenNotByYear()
    {
        // Fiscal 2025: R2 only, s4 (M 5, R2) its one discharge, over 1,400; R1 counts in 2024 alone.
        new PopulationStore(warehouse.Database).Import(YearKind.Fiscal,
            [new(2025, "R2", "T", 0, 49, 1_000), new(2025, "R2", "T", 50, null, 400)], "test", replaceAll: false);

        Assert.Equal(new Dictionary<string, double?> { ["2024"] = 3.0 / 2_900 * 100_000, ["2025"] = 1.0 / 1_400 * 100_000 }, Compute("hospitalisation_rate", "year").Values());
        Assert.Equal(4.0 / 4_300 * 100_000, Compute("hospitalisation_rate").Rows.Single().Value!.Value, 9);
        Assert.Equal(new Dictionary<string, double?> { ["R1"] = 2.0 / 1_500 * 100_000, ["R2"] = 2.0 / 2_800 * 100_000 }, Compute("hospitalisation_rate", "region").Values());
    }

    [Fact]
    public void Rate_UsesTheAllRegionPopulation_WhenImported()
    {
        // ALL: every discharge with a region counts (s1, s2, s3), over 10,000.
        new PopulationStore(warehouse.Database).Import(YearKind.Fiscal,
            [new(2024, "ALL", "T", 0, null, 10_000)], "test", replaceAll: false);

        Assert.Equal(3.0 / 10_000 * 100_000, Compute("hospitalisation_rate").Rows.Single().Value!.Value, 9);
    }
}
