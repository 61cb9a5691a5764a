using HealthStats.TestSupport;
using HealthStats.Warehouse.Indicators;
using HealthStats.Warehouse.Reference;
using HealthStats.Warehouse.Tests.Models;

namespace HealthStats.Warehouse.Tests.Indicators;

/// <summary>
/// The 2011 Canadian standard as users import it (../shared/data/stdpop), in 19 groups (0, 1-4, 5-9, ...) and
/// in 18 (0-4, ...), against 5-year populations: the 19 groups meet the populations at 0-4, so both
/// standards must give the same age-standardised rate.
/// </summary>
public sealed class StandardGroupingTests : IDisposable
{
    private readonly ModelWarehouse warehouse = IndicatorStays.Build();

    public void Dispose() => warehouse.Dispose();

    [SharedDataFact]
    public void StandardisedRate_IsTheSame_WithThe19And18GroupCanadianStandards()
    {
        var rows = new List<PopulationRow>();
        foreach (var (region, sex) in new[] { ("R1", "T"), ("R2", "M"), ("R2", "F") })
        {
            for (var age = 0; age < 85; age += 5)
                rows.Add(new(2024, region, sex, age, age + 4, 1_000 + 10 * age));
            rows.Add(new(2024, region, sex, 85, null, 400));
        }
        new PopulationStore(warehouse.Database).Import(YearKind.Fiscal, rows, "test", replaceAll: false);
        var store = new StandardPopulationStore(warehouse.Database);
        store.Import([("CAN2011", StandardPopulationFile.Read(SharedData.Path("stdpop", "rads_reference_pop_19_age_groups.csv"), "2011 Canadian Standard Population (19 age groups)").Single())], "test");
        store.Import([("CAN2011-18", StandardPopulationFile.Read(SharedData.Path("stdpop", "rads_reference_pop_18_age_groups.csv"), "2011 Canadian Standard Population (18 age groups)").Single())], "test");

        var by19 = IndicatorLibrary.Compute(warehouse.Database, "age_standardised_hospitalisation_rate", new IndicatorRequest()).Rows.Single();
        var by18 = IndicatorLibrary.Compute(warehouse.Database, "age_standardised_hospitalisation_rate", new IndicatorRequest { Standard = "CAN2011-18" }).Rows.Single();

        // s1 (30, R1), s2 (70, R1), s3 (72, R2): three discharges, each in its own 5-year group.
        Assert.Equal(3, by19.Numerator);
        Assert.True(by19.Value > 0);
        Assert.Equal(by18.Value!.Value, by19.Value!.Value, 9);
        Assert.Equal(by18.CiLow!.Value, by19.CiLow!.Value, 9);
        Assert.Equal(by18.CiHigh!.Value, by19.CiHigh!.Value, 9);
    }
}
