using HealthStats.Warehouse.Suppression;

namespace HealthStats.Warehouse.Tests.Suppression;

public sealed class PrimarySuppressionTests
{
    private static LinkedTables ByRegion(params (string Region, long Count)[] counts)
    {
        var builder = new LinkedTablesBuilder();
        var byCode = counts.ToDictionary(c => c.Region, c => c.Count);
        builder.AddCrossTable("by_region", "discharges", [Hierarchy.Flat("region", "ALL", byCode.Keys)], codes => byCode[codes[0]]);
        return builder.Build();
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(1, SuppressionReason.SmallCount)]
    [InlineData(4, SuppressionReason.SmallCount)]
    [InlineData(5, null)]
    public void Apply_SuppressesCountsFromOneToFour_UnderCihi(long count, SuppressionReason? expected)
    {
        var tables = ByRegion(("R1", count), ("R2", 100));

        var reasons = PrimarySuppression.Apply(tables, SuppressionPolicy.Cihi with { MinimumRegionPopulation = null });

        Assert.Equal(expected, reasons[tables.IndexOf("by_region", "R1")]);
    }

    [Theory]
    [InlineData(10, SuppressionReason.SmallCount)]
    [InlineData(11, null)]
    public void Apply_SuppressesCountsFromOneToTen_UnderHcupAndCms(long count, SuppressionReason? expected)
    {
        var tables = ByRegion(("R1", count), ("R2", 100));

        Assert.Equal(expected, PrimarySuppression.Apply(tables, SuppressionPolicy.Hcup)[tables.IndexOf("by_region", "R1")]);
        Assert.Equal(expected, PrimarySuppression.Apply(tables, SuppressionPolicy.Cms)[tables.IndexOf("by_region", "R1")]);
    }

    [Fact]
    public void Apply_SuppressesZeros_OnlyWhenThePolicySaysSo()
    {
        var tables = ByRegion(("R1", 0), ("R2", 100));

        Assert.Null(PrimarySuppression.Apply(tables, SuppressionPolicy.Hcup)[tables.IndexOf("by_region", "R1")]);
        Assert.Equal(SuppressionReason.Zero,
            PrimarySuppression.Apply(tables, SuppressionPolicy.Hcup with { SuppressZeros = true })[tables.IndexOf("by_region", "R1")]);
    }

    [Fact]
    public void Apply_SuppressesEveryCellOfARegionUnderTheMinimumPopulation()
    {
        var builder = new LinkedTablesBuilder();
        builder.AddCrossTable("by_region_sex", "discharges",
            [Hierarchy.Flat("region", "ALL", ["R1", "R2"]), Hierarchy.Flat("sex", "T", ["M", "F"])], _ => 100);
        var tables = builder.Build();
        var populations = new Dictionary<string, long> { ["R1"] = 19_999, ["R2"] = 20_000 };

        var reasons = PrimarySuppression.Apply(tables, SuppressionPolicy.Cihi, populations);

        Assert.Equal(
            ["by_region_sex[region=R1, sex=F]", "by_region_sex[region=R1, sex=M]", "by_region_sex[region=R1, sex=T]"],
            HandWorkedTables.Labels(tables, reasons, SuppressionReason.SmallPopulation).Order());
        Assert.Equal(3, reasons.Count(r => r is not null));
    }

    [Fact]
    public void Apply_Refuses_WhenThePolicyHasAMinimumPopulationButNoPopulationsAreGiven()
    {
        var tables = ByRegion(("R1", 10), ("R2", 100));

        Assert.Throws<ArgumentException>(() => PrimarySuppression.Apply(tables, SuppressionPolicy.Cihi));
    }

    [Fact]
    public void Publish_WithholdsDerivedValues_OfSuppressedCountsAndOfCountsComputedFromThem()
    {
        // A rate of the small cell, and a share of R2 in the total: the total is a complement here,
        // and a released share of 0.97 with R2's 100 would give it away.
        var builder = new LinkedTablesBuilder();
        var cells = builder.AddCrossTable("by_region", "discharges", [Hierarchy.Flat("region", "ALL", ["R1", "R2"])],
            codes => codes[0] == "R1" ? 3 : 100);
        var (all, r1, r2) = (cells[0], cells[1], cells[2]);
        builder.AddDerived(r1, new DerivedValue("rate_per_1000", 0.15));
        builder.AddDerived(r2, new DerivedValue("share", 100.0 / 103) { AlsoComputedFrom = [all] });
        builder.AddDerived(r2, new DerivedValue("rate_per_1000", 5));
        var tables = builder.Build();

        var result = TableSuppression.Apply(tables, SuppressionPolicy.Cihi with { MinimumRegionPopulation = null });
        var published = result.Publish();

        Assert.Equal(SuppressionReason.SmallCount, result.Reasons[r1]);
        Assert.Null(Assert.Single(published.Cells[r1].Derived).Value);
        if (result.IsSuppressed(all))
            Assert.Null(published.Cells[r2].Derived.Single(d => d.Name == "share").Value);
        Assert.True(DisclosureAuditor.Audit(published, result.Policy).Passed);
    }
}
