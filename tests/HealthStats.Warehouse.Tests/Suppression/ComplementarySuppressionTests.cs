using HealthStats.Warehouse.Suppression;
using static HealthStats.Warehouse.Tests.Suppression.HandWorkedTables;

namespace HealthStats.Warehouse.Tests.Suppression;

/// <summary>Complementary suppression on tables worked out by hand.</summary>
public sealed class ComplementarySuppressionTests
{
    [Fact]
    public void Apply_SuppressesTheOtherThreeInteriorCells_WhenOneCellOfATwoByTwoTableIsSmall()
    {
        // Rows or columns of totals would also protect AX in three cells, but their counts are larger.
        var tables = TwoByTwo();

        var result = TableSuppression.Apply(tables, SuppressionPolicy.Cihi with { MinimumRegionPopulation = null });

        Assert.Equal(["t[row=A, column=X]"], Labels(tables, result.Reasons, SuppressionReason.SmallCount));
        Assert.Equal(["t[row=A, column=Y]", "t[row=B, column=X]", "t[row=B, column=Y]"],
            Labels(tables, result.Reasons, SuppressionReason.Complementary).Order());
        Assert.True(result.Audit.Passed);
        Assert.Equal(new FeasibleInterval(tables.IndexOf("t", "A", "X"), 0, 32), result.Audit.IntervalOf(tables.IndexOf("t", "A", "X")));
    }

    [Fact]
    public void Apply_SuppressesTheSmallestSibling_WhenACodeInAHierarchyIsSmall()
    {
        // A01 = A00-A09 - A02 - A03: one sibling more keeps the block's total released.
        var tables = DiagnosisHierarchy();

        var result = TableSuppression.Apply(tables, SuppressionPolicy.Cihi with { MinimumRegionPopulation = null });

        Assert.Equal(["by_diagnosis[diagnosis=A02]"], Labels(tables, result.Reasons, SuppressionReason.Complementary));
        Assert.Equal(new FeasibleInterval(tables.IndexOf("by_diagnosis", "A01"), 0, 43),
            result.Audit.IntervalOf(tables.IndexOf("by_diagnosis", "A01")));
    }

    [Fact]
    public void Apply_ProtectsASmallBlock_WithASiblingBlockAndACodeBelowIt()
    {
        // Block A15-A19 of 3 (1 + 2): its sibling block A00-A09 must go, and then, since A00-A09 is the
        // sum of its released codes, one of them too (A01 is already small, so it is free).
        var counts = new Dictionary<string, long> { ["A01"] = 3, ["A02"] = 40, ["A03"] = 50, ["A15"] = 1, ["A16"] = 2, ["C01"] = 80, ["C02"] = 90 };
        var builder = new LinkedTablesBuilder();
        builder.AddCrossTable("by_diagnosis", "discharges", [Diagnoses()], codes => counts[codes[0]]);
        var tables = builder.Build();

        var result = TableSuppression.Apply(tables, SuppressionPolicy.Cihi with { MinimumRegionPopulation = null });

        Assert.Equal(["by_diagnosis[diagnosis=A01]", "by_diagnosis[diagnosis=A15-A19]", "by_diagnosis[diagnosis=A15]", "by_diagnosis[diagnosis=A16]"],
            Labels(tables, result.Reasons, SuppressionReason.SmallCount).Order());
        Assert.Contains("by_diagnosis[diagnosis=A00-A09]", Labels(tables, result.Reasons, SuppressionReason.Complementary));
        Assert.True(DisclosureAuditor.Audit(result.Publish(), result.Policy).Passed);
    }

    [Fact]
    public void PerTableSuppression_IsUndoneByTheSharedMargin()
    {
        // by_region alone would suppress R2 beside R1; by_region_sex alone protects R1 through R3 and
        // releases R2's total, 50, which is by_region's R2: R1 = 105 - 50 - 52 again.
        var policy = SuppressionPolicy.Cihi with { MinimumRegionPopulation = null };
        var combined = SharedRegionMargin();
        var flags = new bool[combined.Cells.Count];
        foreach (var alone in new[] { SharedRegionMargin(byRegionSex: false), SharedRegionMargin(byRegion: false) })
        {
            var result = TableSuppression.Apply(alone, policy);
            for (var i = 0; i < alone.Cells.Count; i++)
                flags[combined.IndexOf(alone.Cells[i].Table, alone.Cells[i].Coordinates.Select(c => c.Value).ToArray())] |= result.IsSuppressed(i);
        }

        var report = DisclosureAuditor.Audit(Publication.Of(combined, flags), policy);

        Assert.True(flags[combined.IndexOf("by_region", "R2")]);
        Assert.False(flags[combined.IndexOf("by_region_sex", "R2", "T")]);
        Assert.Contains(report.Findings, f => f.Cell == combined.IndexOf("by_region", "R1"));
    }

    [Fact]
    public void Apply_ProtectsEveryTable_WhenTheyShareAMargin()
    {
        var tables = SharedRegionMargin();

        var result = TableSuppression.Apply(tables, SuppressionPolicy.Cihi with { MinimumRegionPopulation = null });

        Assert.True(DisclosureAuditor.Audit(result.Publish(), result.Policy).Passed);
        // The same count is released or withheld in both tables.
        foreach (var region in new[] { "ALL", "R1", "R2", "R3" })
            Assert.Equal(result.IsSuppressed(tables.IndexOf("by_region", region)), result.IsSuppressed(tables.IndexOf("by_region_sex", region, "T")));
    }

    [Fact]
    public void Apply_SuppressesNothingMore_WhenNoCellIsSmall()
    {
        var counts = new Dictionary<string, long> { ["A|X"] = 20, ["A|Y"] = 30, ["B|X"] = 40, ["B|Y"] = 0 };
        var builder = new LinkedTablesBuilder();
        builder.AddCrossTable("t", "n", [Hierarchy.Flat("row", "Total", ["A", "B"]), Hierarchy.Flat("column", "Total", ["X", "Y"])],
            codes => counts[string.Join('|', codes)]);

        var result = TableSuppression.Apply(builder.Build(), SuppressionPolicy.Hcup);

        Assert.All(result.Reasons, Assert.Null);
    }

    [Fact]
    public void Apply_ProtectsTheSuppressedZero_WhenThePolicySuppressesZeros()
    {
        var counts = new Dictionary<string, long> { ["A|X"] = 0, ["A|Y"] = 30, ["B|X"] = 40, ["B|Y"] = 50 };
        var builder = new LinkedTablesBuilder();
        builder.AddCrossTable("t", "n", [Hierarchy.Flat("row", "Total", ["A", "B"]), Hierarchy.Flat("column", "Total", ["X", "Y"])],
            codes => counts[string.Join('|', codes)]);
        var tables = builder.Build();

        var result = TableSuppression.Apply(tables, SuppressionPolicy.Hcup with { SuppressZeros = true });

        Assert.Equal(["t[row=A, column=X]"], Labels(tables, result.Reasons, SuppressionReason.Zero));
        Assert.Equal(3, result.CountOf(SuppressionReason.Complementary));
        Assert.True(result.Audit.IntervalOf(tables.IndexOf("t", "A", "X")).Width >= 11);
    }

    [Fact]
    public void Apply_SuppressesAnotherTotal_WhenARowTotalIsSmall()
    {
        // Row A is 1 + 2 = 3 and column X is 1 + 3 = 4, all small: with row B's total and the grand
        // total released, A's total would be 10 - 7, so one of them goes too.
        var counts = new Dictionary<string, long> { ["A|X"] = 1, ["A|Y"] = 2, ["B|X"] = 3, ["B|Y"] = 4 };
        var builder = new LinkedTablesBuilder();
        builder.AddCrossTable("t", "n", [Hierarchy.Flat("row", "Total", ["A", "B"]), Hierarchy.Flat("column", "Total", ["X", "Y"])],
            codes => counts[string.Join('|', codes)]);
        var tables = builder.Build();

        var result = TableSuppression.Apply(tables, SuppressionPolicy.Cihi with { MinimumRegionPopulation = null });

        Assert.Equal(6, result.CountOf(SuppressionReason.SmallCount));
        Assert.True(result.IsSuppressed(tables.IndexOf("t", "B", "Total")) || result.IsSuppressed(tables.IndexOf("t", "Total", "Total")));
        Assert.All(result.Audit.Intervals, i => Assert.True(i.Width >= 5, $"{tables.Cells[i.Cell].Label}: {i}"));
    }

    [Fact]
    public void Method_StatesThePolicyAndTheComplementaryMethod_ForTheManifest()
    {
        var result = TableSuppression.Apply(TwoByTwo(), SuppressionPolicy.Cihi with { MinimumRegionPopulation = 20_000 }, new Dictionary<string, long>());

        Assert.StartsWith("Policy CIHI: counts from 1 to 4 suppressed, zero counts released; every cell of a region with fewer than 20000 people suppressed", result.Method);
        Assert.Contains("at least 5 wide", result.Method);
        Assert.EndsWith(ComplementarySuppression.Method, result.Method);
    }
}
