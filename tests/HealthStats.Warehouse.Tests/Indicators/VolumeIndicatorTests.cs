using HealthStats.Warehouse.Indicators;
using HealthStats.Warehouse.Tests.Models;

namespace HealthStats.Warehouse.Tests.Indicators;

public sealed class VolumeIndicatorTests : IDisposable
{
    private readonly ModelWarehouse warehouse = IndicatorStays.Build();

    public void Dispose() => warehouse.Dispose();

    private IndicatorResult Compute(string indicator, string by = "", params (string, string)[] where) =>
        IndicatorLibrary.Compute(warehouse.Database, indicator, new IndicatorRequest
        {
            By = by.Length == 0 ? [] : by.Split(','),
            Where = where.Select(w => new KeyValuePair<string, string>(w.Item1, w.Item2)).ToList(),
        });

    [Fact]
    public void Volumes_AreTheTotals_WhenNotBrokenDown()
    {
        Assert.Equal(5, Compute("discharges").Rows.Single().Value);
        Assert.Equal(4 + 10 + 2 + 6 + 3, Compute("patient_days").Rows.Single().Value);
        Assert.Equal(4 + 7 + 2 + 6 + 3, Compute("acute_days").Rows.Single().Value);
        Assert.Equal(3, Compute("alc_days").Rows.Single().Value);
    }

    [Fact]
    public void Discharges_ByEachDimension_MatchTheStays()
    {
        Assert.Equal(new Dictionary<string, double?> { ["2024-05"] = 2, ["2024-06"] = 1, ["2024-07"] = 1, ["2025-04"] = 1 }, Compute("discharges", "month").Values());
        Assert.Equal(new Dictionary<string, double?> { ["2024-Q1"] = 3, ["2024-Q2"] = 1, ["2025-Q1"] = 1 }, Compute("discharges", "quarter").Values());
        Assert.Equal(new Dictionary<string, double?> { ["2024"] = 4, ["2025"] = 1 }, Compute("discharges", "fiscal_year").Values());
        Assert.Equal(new Dictionary<string, double?> { ["F1"] = 3, ["F2"] = 2 }, Compute("discharges", "facility").Values());
        Assert.Equal(new Dictionary<string, double?> { ["R1"] = 2, ["R2"] = 2, ["unknown"] = 1 }, Compute("discharges", "region").Values());
        Assert.Equal(new Dictionary<string, double?> { ["5-9"] = 1, ["30-34"] = 1, ["45-49"] = 1, ["70-74"] = 2 }, Compute("discharges", "age_group").Values());
        Assert.Equal(new Dictionary<string, double?> { ["F"] = 3, ["M"] = 2 }, Compute("discharges", "sex").Values());
        Assert.Equal(new Dictionary<string, double?> { ["L"] = 1, ["U"] = 4 }, Compute("discharges", "admit_category").Values());
        Assert.Equal(new Dictionary<string, double?> { ["04"] = 1, ["05"] = 2, ["06"] = 1, ["07"] = 1 }, Compute("discharges", "disposition").Values());
    }

    [Fact]
    public void PatientDays_ByFacilityAndFiscalYear_SumTheStays()
    {
        var result = Compute("patient_days", "facility,fiscal_year");

        Assert.Equal(new Dictionary<string, double?> { ["F1|2024"] = 17, ["F2|2024"] = 2, ["F2|2025"] = 6 }, result.Values());
        Assert.Equal(["facility", "fiscal_year"], result.Rows[0].Dimensions.Select(d => d.Key));
    }

    [Fact]
    public void AcuteDays_LeaveOutAlcDays_WhenFiltered()
    {
        var result = Compute("acute_days", "sex", ("facility", "F1"), ("fiscal_year", "2024"));

        Assert.Equal(new Dictionary<string, double?> { ["F"] = 4 + 3, ["M"] = 7 }, result.Values());
    }

    [Fact]
    public void Filters_OnOneDimension_AreAlternatives()
    {
        var result = Compute("discharges", "month", ("fiscal_year", "2024"), ("fiscal_year", "2025"), ("facility", "F2"));

        Assert.Equal(new Dictionary<string, double?> { ["2024-06"] = 1, ["2025-04"] = 1 }, result.Values());
    }

    [Fact]
    public void UnknownFilterValues_MatchNothing_WhenNotRequiredToBeKnown()
    {
        var result = IndicatorLibrary.Compute(warehouse.Database, "discharges", new IndicatorRequest
        {
            Where = [new("fiscal_year", "2023"), new("fiscal_year", "2024"), new("facility", "F9")],
            RequireKnownValues = false,
        });

        Assert.Null(result.Rows.Single().Value);
        Assert.Equal(4, IndicatorLibrary.Compute(warehouse.Database, "discharges", new IndicatorRequest
        {
            Where = [new("fiscal_year", "2023"), new("fiscal_year", "2024")],
            RequireKnownValues = false,
        }).Rows.Single().Value);
    }

    [Fact]
    public void Compute_NamesTheIndicator_WhenUnknown()
    {
        var error = Assert.Throws<IndicatorRequestException>(() => Compute("dischargez"));

        Assert.Contains("unknown indicator 'dischargez'", error.Message, StringComparison.Ordinal);
        Assert.Contains("discharges", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_NamesTheDimension_WhenTheIndicatorHasNone()
    {
        var error = Assert.Throws<IndicatorRequestException>(() => Compute("discharges", "ward"));

        Assert.StartsWith("indicator 'discharges' has no dimension 'ward'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_NamesTheValueAndListsTheKnownOnes_WhenNoRowHasIt()
    {
        var error = Assert.Throws<IndicatorRequestException>(() => Compute("discharges", "", ("facility", "F9")));

        Assert.Equal("indicator 'discharges' has no facility 'F9'; its values are: F1, F2", error.Message);
    }
}
