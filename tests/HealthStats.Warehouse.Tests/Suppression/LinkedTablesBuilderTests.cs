using HealthStats.Warehouse.Suppression;

namespace HealthStats.Warehouse.Tests.Suppression;

public sealed class LinkedTablesBuilderTests
{
    [Fact]
    public void AddCrossTable_ReleasesEveryNodeOfEveryHierarchy_WithTheirSums()
    {
        var tables = HandWorkedTables.DiagnosisHierarchy();

        Assert.Equal(["ALL", "I", "A00-A09", "A01", "A02", "A03", "A15-A19", "A15", "A16", "II", "C00-C14", "C01", "C02"],
            tables.Cells.Select(c => c.Coordinates[0].Value));
        Assert.Equal(393, tables.Cells[tables.IndexOf("by_diagnosis", "ALL")].Count);
        Assert.Equal(223, tables.Cells[tables.IndexOf("by_diagnosis", "I")].Count);
        Assert.Equal(6, tables.Relations.Count); // ALL, I, II, and three blocks
    }

    [Fact]
    public void AddCrossTable_RelatesEachTotalAlongEachOfItsDimensions()
    {
        var tables = HandWorkedTables.TwoByTwo();

        // 3 x 3 cells; totals of row at 3 column nodes, totals of column at 3 row nodes.
        Assert.Equal(9, tables.Cells.Count);
        Assert.Equal(6, tables.Relations.Count);
        Assert.Equal(3, tables.Relations.Count(r => r.Kind == "total of row"));
    }

    [Fact]
    public void Build_LinksTheMarginsThatTwoTablesOfOneMeasureShare()
    {
        var tables = HandWorkedTables.SharedRegionMargin();

        var shared = tables.Relations.Where(r => r.Kind == "shared margin")
            .Select(r => (tables.Cells[r.Total].Label, tables.Cells[Assert.Single(r.Parts)].Label))
            .ToList();

        Assert.Equal(
            [
                ("by_region[region=ALL]", "by_region_sex[region=ALL, sex=T]"),
                ("by_region[region=R1]", "by_region_sex[region=R1, sex=T]"),
                ("by_region[region=R2]", "by_region_sex[region=R2, sex=T]"),
                ("by_region[region=R3]", "by_region_sex[region=R3, sex=T]"),
            ],
            shared);
    }

    [Fact]
    public void Build_Refuses_WhenARelationDoesNotHold()
    {
        var builder = new LinkedTablesBuilder();
        var total = builder.AddCell("t", "n", [KeyValuePair.Create("x", "T")], 10);
        var a = builder.AddCell("t", "n", [KeyValuePair.Create("x", "a")], 4);
        var b = builder.AddCell("t", "n", [KeyValuePair.Create("x", "b")], 5);
        builder.AddRelation(total, [a, b], "total of x");

        Assert.Throws<ArgumentException>(builder.Build);
    }

    [Fact]
    public void Hierarchy_Refuses_ACodeWhoseParentIsUnknown()
    {
        Assert.Throws<ArgumentException>(() => new Hierarchy("region", "ALL", [KeyValuePair.Create("R1", "P9")]));
    }
}
