using HealthStats.Warehouse.Suppression;

namespace HealthStats.Warehouse.Tests.Suppression;

/// <summary>Small tables whose suppression can be worked out by hand.</summary>
internal static class HandWorkedTables
{
    /// <summary>
    /// Rows A, B by columns X, Y with totals: AX 2, AY 30, BX 40, BY 50; row totals 32, 90; column
    /// totals 42, 80; grand total 122.
    /// </summary>
    public static LinkedTables TwoByTwo()
    {
        var builder = new LinkedTablesBuilder();
        var counts = new Dictionary<string, long> { ["A|X"] = 2, ["A|Y"] = 30, ["B|X"] = 40, ["B|Y"] = 50 };
        builder.AddCrossTable("t", "discharges",
            [Hierarchy.Flat("row", "Total", ["A", "B"]), Hierarchy.Flat("column", "Total", ["X", "Y"])],
            codes => counts[string.Join('|', codes)]);
        return builder.Build();
    }

    /// <summary>
    /// Discharges by diagnosis, chapter -> block -> code under ALL: chapter I has block A00-A09 (A01 3,
    /// A02 40, A03 50) and block A15-A19 (A15 60, A16 70); chapter II has block C00-C14 (C01 80, C02 90).
    /// </summary>
    public static LinkedTables DiagnosisHierarchy()
    {
        var counts = new Dictionary<string, long> { ["A01"] = 3, ["A02"] = 40, ["A03"] = 50, ["A15"] = 60, ["A16"] = 70, ["C01"] = 80, ["C02"] = 90 };
        var builder = new LinkedTablesBuilder();
        builder.AddCrossTable("by_diagnosis", "discharges", [Diagnoses()], codes => counts[codes[0]]);
        return builder.Build();
    }

    public static Hierarchy Diagnoses() => new("diagnosis", "ALL",
    [
        KeyValuePair.Create("I", "ALL"), KeyValuePair.Create("II", "ALL"),
        KeyValuePair.Create("A00-A09", "I"), KeyValuePair.Create("A15-A19", "I"), KeyValuePair.Create("C00-C14", "II"),
        KeyValuePair.Create("A01", "A00-A09"), KeyValuePair.Create("A02", "A00-A09"), KeyValuePair.Create("A03", "A00-A09"),
        KeyValuePair.Create("A15", "A15-A19"), KeyValuePair.Create("A16", "A15-A19"),
        KeyValuePair.Create("C01", "C00-C14"), KeyValuePair.Create("C02", "C00-C14"),
    ]);

    /// <summary>
    /// Two tables of one measure sharing the region margin: by_region (R1 3, R2 50, R3 52) and
    /// by_region_sex (R1: M 1, F 2; R2: M 20, F 30; R3: M 40, F 12). Either table alone would be
    /// protected most cheaply through a different region: by_region through R2 (50 &lt; 52),
    /// by_region_sex through R3's F column (12 + 52 &lt; 20 + 50).
    /// </summary>
    public static LinkedTables SharedRegionMargin(bool byRegion = true, bool byRegionSex = true)
    {
        var sexes = new Dictionary<string, long> { ["R1|M"] = 1, ["R1|F"] = 2, ["R2|M"] = 20, ["R2|F"] = 30, ["R3|M"] = 40, ["R3|F"] = 12 };
        var regions = Hierarchy.Flat("region", "ALL", ["R1", "R2", "R3"]);
        var builder = new LinkedTablesBuilder();
        if (byRegion)
            builder.AddCrossTable("by_region", "discharges", [regions], codes => sexes[codes[0] + "|M"] + sexes[codes[0] + "|F"]);
        if (byRegionSex)
            builder.AddCrossTable("by_region_sex", "discharges", [regions, Hierarchy.Flat("sex", "T", ["M", "F"])], codes => sexes[string.Join('|', codes)]);
        return builder.Build();
    }

    public static bool[] Flags(LinkedTables tables, IEnumerable<int> suppressed)
    {
        var flags = new bool[tables.Cells.Count];
        foreach (var cell in suppressed)
            flags[cell] = true;
        return flags;
    }

    public static HashSet<string> Labels(LinkedTables tables, IReadOnlyList<SuppressionReason?> reasons, SuppressionReason reason) =>
        Enumerable.Range(0, reasons.Count).Where(i => reasons[i] == reason).Select(i => tables.Cells[i].Label).ToHashSet();
}
