using HealthStats.Warehouse.Indicators;
using HealthStats.Warehouse.Tests.Models;

namespace HealthStats.Warehouse.Tests.Indicators;

/// <summary>
/// | stay | facility | coder | discharged | completed  | turnaround | warnings |
/// |------|----------|-------|------------|------------|------------|----------|
/// | k1   | F1       | A     | 2024-05-05 | 2024-05-15 | 10         | 2        |
/// | k2   | F1       | A     | 2024-05-10 | 2024-06-19 | 40         | 0        |
/// | k3   | F1       | B     | 2024-05-20 | 2024-05-25 | 5          | 1        |
/// | k4   | F2       | B     | 2024-06-01 | 2024-07-01 | 30         | 0        |
/// | k5   | F2       | C     | 2024-06-02 | (none)     |            | 0        |
/// </summary>
public sealed class CodingIndicatorTests : IDisposable
{
    private readonly ModelWarehouse warehouse = new();

    public CodingIndicatorTests()
    {
        warehouse.Add(new Stay("k1", "p1", "2024-05-01", null, "2024-05-05", null) { Coder = "A", Completed = "2024-05-15" });
        warehouse.Add(new Stay("k2", "p2", "2024-05-01", null, "2024-05-10", null) { Coder = "A", Completed = "2024-06-19" });
        warehouse.Add(new Stay("k3", "p3", "2024-05-01", null, "2024-05-20", null) { Coder = "B", Completed = "2024-05-25" });
        warehouse.Add(new Stay("k4", "p4", "2024-05-01", null, "2024-06-01", null) { Facility = "F2", Coder = "B", Completed = "2024-07-01" });
        warehouse.Add(new Stay("k5", "p5", "2024-05-01", null, "2024-06-02", null) { Facility = "F2", Coder = "C" });
        warehouse.AddWarning("F1", "k1", "K02");
        warehouse.AddWarning("F1", "k1", "D07");
        warehouse.AddWarning("F1", "k3", "K02");
        warehouse.Build();
    }

    public void Dispose() => warehouse.Dispose();

    private IndicatorResult Compute(string indicator, string by = "") =>
        IndicatorLibrary.Compute(warehouse.Database, indicator, new IndicatorRequest { By = by.Length == 0 ? [] : by.Split(',') });

    [Fact]
    public void CodingTurnaround_HasTheMedianAnd90thPercentile_OfCompletedAbstracts()
    {
        // 5, 10, 30, 40: median (10 + 30) / 2; the 90th percentile by nearest rank is the 4th of 4 (ceil(0.9 * 4)).
        Assert.Equal(20, Compute("coding_turnaround_median").Rows.Single().Value);
        Assert.Equal(40, Compute("coding_turnaround_p90").Rows.Single().Value);
        Assert.Equal(new Dictionary<string, double?> { ["A"] = 25, ["B"] = 17.5 }, Compute("coding_turnaround_median", "coder").Values());
    }

    [Fact]
    public void CodedWithin30Days_CountsDay30AsWithin()
    {
        var row = Compute("coded_within_30_days").Rows.Single();

        Assert.Equal((75.0, 3.0, 4.0), (row.Value!.Value, row.Numerator!.Value, row.Denominator!.Value));
    }

    [Fact]
    public void AbstractsCoded_ArePerCoderPerMonthOfCompletion()
    {
        Assert.Equal(new Dictionary<string, double?> { ["A|2024-05"] = 1, ["A|2024-06"] = 1, ["B|2024-05"] = 1, ["B|2024-07"] = 1 },
            Compute("abstracts_coded", "coder,completed_month").Values());
    }

    [Fact]
    public void WarningRate_IsAbstractsWithAWarningOverAbstracts_ByCoder()
    {
        var all = Compute("warning_rate").Rows.Single();

        Assert.Equal((40.0, 2.0, 5.0), (all.Value!.Value, all.Numerator!.Value, all.Denominator!.Value));
        Assert.Equal(new Dictionary<string, double?> { ["A"] = 50, ["B"] = 50, ["C"] = 0 }, Compute("warning_rate", "coder").Values());
    }

    [Fact]
    public void QuarantineRate_IsQuarantinedOverSubmitted_ByFacility()
    {
        warehouse.Execute(
            "insert into meta.batches values ('b1', 1, 'f.csv', 'sha', 'csv', '2024-07-01 10:00', '2024-07-01 10:05', 9, 5, 0, 0, 4, 3, 0, '{}', '{}')");
        warehouse.Execute(
            "insert into meta.quarantine (batch_id, line, facility_id, abstract_id, rule_id, field, reason) values " +
            "('b1', 10, 'F1', 'q1', 'K01', 'mrdx', 'r'), ('b1', 11, 'F2', 'q2', 'K01', 'mrdx', 'r'), " +
            "('b1', 12, 'F2', 'q3', 'S01', 'line', 'r'), ('b1', 13, null, null, 'S01', 'line', 'r')");
        warehouse.Build();

        // F1: 1 of 3 landed + 1; F2: 2 of 2 + 2; a record with no facility: 1 of 1.
        Assert.Equal(new Dictionary<string, double?> { ["F1"] = 25, ["F2"] = 50, ["unknown"] = 100 }, Compute("quarantine_rate", "facility").Values());
        Assert.Equal(new Dictionary<string, double?> { ["2024-07"] = 400.0 / 9 }, Compute("quarantine_rate", "submission_month").Values());
    }
}
