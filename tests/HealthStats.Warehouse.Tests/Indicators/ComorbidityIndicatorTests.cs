using HealthStats.Warehouse.Indicators;
using HealthStats.Warehouse.Tests.Models;

namespace HealthStats.Warehouse.Tests.Indicators;

/// <summary>
/// Five stays: c1 MRDx I214 (myocardial infarction, 1); c2 J189 with E119 (diabetes, 1); c3 at F2, J189 alone
/// (0); c4 I214 with N185 (renal disease, 2: index 3); c5 J189 with I214 as a post-admit comorbidity (type 2: 0).
/// </summary>
public sealed class ComorbidityIndicatorTests : IDisposable
{
    private readonly ModelWarehouse warehouse = new();

    public ComorbidityIndicatorTests()
    {
        warehouse.Add(new Stay("c1", "p1", "2024-05-01", null, "2024-05-05", null) { Mrdx = "I214" });
        warehouse.Add(new Stay("c2", "p2", "2024-05-01", null, "2024-05-05", null) { Diagnoses = ["E119:1"] });
        warehouse.Add(new Stay("c3", "p3", "2024-05-01", null, "2024-05-05", null) { Facility = "F2" });
        warehouse.Add(new Stay("c4", "p4", "2024-05-01", null, "2024-05-05", null) { Mrdx = "I214", Diagnoses = ["N185:1"] });
        warehouse.Add(new Stay("c5", "p5", "2024-05-01", null, "2024-05-05", null) { Diagnoses = ["I214:2"] });
        warehouse.Build();
    }

    public void Dispose() => warehouse.Dispose();

    private IndicatorResult Compute(string indicator, string by = "") =>
        IndicatorLibrary.Compute(warehouse.Database, indicator, new IndicatorRequest { By = by.Length == 0 ? [] : by.Split(',') });

    [Fact]
    public void CharlsonDistribution_IsTheShareOfDischargesAtEachIndex()
    {
        var result = Compute("charlson_distribution", "charlson");

        Assert.Equal(new Dictionary<string, double?> { ["0"] = 40, ["1"] = 40, ["3"] = 20 }, result.Values());
        Assert.Equal((1.0, 5.0), (result.Single("3").Numerator!.Value, result.Single("3").Denominator!.Value));
    }

    [Fact]
    public void CharlsonDistribution_AddsUpTo100_WithinEachFacility()
    {
        var result = Compute("charlson_distribution", "facility,charlson");

        Assert.Equal(new Dictionary<string, double?> { ["F1|0"] = 25, ["F1|1"] = 50, ["F1|3"] = 25, ["F2|0"] = 100 }, result.Values());
    }

    [Fact]
    public void MeanCharlsonIndex_AveragesTheStaysIndexes()
    {
        var row = Compute("mean_charlson_index").Rows.Single();

        Assert.Equal((1.0, 5.0, 5.0), (row.Value!.Value, row.Numerator!.Value, row.Denominator!.Value));
    }
}
