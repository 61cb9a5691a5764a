using System.Diagnostics;
using HealthStats.Warehouse.Suppression;
using Xunit.Abstractions;

namespace HealthStats.Warehouse.Tests.Suppression;

/// <summary>Suppression at the size of a real extract table: residence regions by 5-year age groups.</summary>
public sealed class ExtractSizeTests(ITestOutputHelper output)
{
    [Fact]
    public void Apply_ProtectsARegionByAgeTableOfTwoHundredCells_AndASexTableSharingItsRegions()
    {
        var random = new Random(42);
        var regions = new Hierarchy("region", "ALL", Enumerable.Range(1, 9)
            .Select(r => KeyValuePair.Create($"R{r}", $"P{(r - 1) / 3 + 1}"))
            .Concat(Enumerable.Range(1, 3).Select(p => KeyValuePair.Create($"P{p}", "ALL"))));
        var ages = Hierarchy.Flat("age_group", "ALL", Enumerable.Range(0, 19).Select(a => a == 18 ? "90+" : $"{5 * a}-{5 * a + 4}"));
        var sexes = Hierarchy.Flat("sex", "T", ["M", "F"]);
        var counts = new Dictionary<string, long>();
        foreach (var region in regions.Leaves)
        {
            foreach (var age in ages.Leaves)
            {
                foreach (var sex in sexes.Leaves)
                    counts[$"{region}|{age}|{sex}"] = random.NextDouble() < 0.6 ? random.Next(0, 3) : random.Next(3, 60);
            }
        }
        var builder = new LinkedTablesBuilder();
        builder.AddCrossTable("by_region_age", "discharges", [regions, ages], c => counts[$"{c[0]}|{c[1]}|M"] + counts[$"{c[0]}|{c[1]}|F"]);
        builder.AddCrossTable("by_region_sex", "discharges", [regions, sexes], c => ages.Leaves.Sum(a => counts[$"{c[0]}|{a}|{c[1]}"]));
        var tables = builder.Build();
        var watch = Stopwatch.StartNew();

        var result = TableSuppression.Apply(tables, SuppressionPolicy.Cihi with { MinimumRegionPopulation = null });

        output.WriteLine($"{tables.Cells.Count} cells: {result.CountOf(SuppressionReason.SmallCount)} small, " +
            $"{result.CountOf(SuppressionReason.Complementary)} complementary, {watch.Elapsed.TotalSeconds:F1} s");
        Assert.True(DisclosureAuditor.Audit(result.Publish(), result.Policy).Passed);
    }
}
