using HealthStats.Warehouse.Indicators;
using HealthStats.Warehouse.Reference;
using HealthStats.Warehouse.Tests.Models;

namespace HealthStats.Warehouse.Tests.Indicators;

/// <summary>Every indicator of the library, by each of its dimensions, over <see cref="IndicatorStays"/>.</summary>
public sealed class IndicatorLibraryTests : IDisposable
{
    // Counts whose rows add up to the total over any one dimension.
    private static readonly HashSet<string> Additive =
        ["discharges", "patient_days", "acute_days", "alc_days", "mrdx_discharges", "interventions", "abstracts_coded"];

    private readonly ModelWarehouse warehouse = IndicatorStays.Build();

    public IndicatorLibraryTests()
    {
        new PopulationStore(warehouse.Database).Import(YearKind.Fiscal,
        [
            new(2024, "R1", "M", 0, null, 1_000), new(2024, "R1", "F", 0, null, 1_000),
            new(2024, "R2", "M", 0, null, 1_000), new(2024, "R2", "F", 0, null, 1_000),
        ], "test", replaceAll: false);
        new StandardPopulationStore(warehouse.Database).Import(
            [("CAN2011", new StandardPopulation("test", [new(0, 49, 1), new(50, null, 1)]))], "test");
    }

    public void Dispose() => warehouse.Dispose();

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var indicator in IndicatorLibrary.All)
            data.Add(indicator.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Indicator_ComputesByEachOfItsDimensions_AndCountsAddUp(string id)
    {
        var indicator = IndicatorLibrary.Find(id);
        var total = IndicatorLibrary.Compute(warehouse.Database, id, new IndicatorRequest()).Rows;
        Assert.NotEmpty(total);

        foreach (var dimension in indicator.Dimensions)
        {
            var result = IndicatorLibrary.Compute(warehouse.Database, id, new IndicatorRequest { By = [dimension.Id] });

            Assert.NotEmpty(result.Rows);
            Assert.All(result.Rows, r => Assert.Equal(result.Columns, r.Dimensions.Select(d => d.Key)));
            if (Additive.Contains(id))
                Assert.Equal(total.Sum(r => r.Value), result.Rows.Sum(r => r.Value));
        }
    }

    [Fact]
    public void Library_DefinesEachIndicatorOnce_WithEveryField()
    {
        Assert.Equal(IndicatorLibrary.All.Count, IndicatorLibrary.All.Select(i => i.Id).Distinct().Count());
        Assert.All(IndicatorLibrary.All, i =>
        {
            Assert.False(string.IsNullOrWhiteSpace(i.Name + i.Definition + i.Numerator + i.Inclusions + i.Exclusions + i.Unit));
            Assert.NotEmpty(i.Dimensions);
            Assert.Equal(i.Dimensions.Count, i.Dimensions.Select(d => d.Id).Distinct().Count());
        });
    }
}
