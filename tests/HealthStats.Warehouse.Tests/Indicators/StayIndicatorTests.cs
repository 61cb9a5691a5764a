using HealthStats.Warehouse.Indicators;
using HealthStats.Warehouse.Tests.Models;

namespace HealthStats.Warehouse.Tests.Indicators;

public sealed class StayIndicatorTests : IDisposable
{
    private readonly ModelWarehouse warehouse = IndicatorStays.Build();

    public void Dispose() => warehouse.Dispose();

    private IndicatorResult Compute(string indicator, string by = "") =>
        IndicatorLibrary.Compute(warehouse.Database, indicator, new IndicatorRequest { By = by.Length == 0 ? [] : by.Split(',') });

    [Fact]
    public void AverageLengthOfStay_SplitsTypicalFromAtypical_AndLeavesOutAlc()
    {
        // typical: s1 4, s3 2, s4 6 -> 12 / 3; atypical: s2 10 - 3 ALC = 7 (died), s5 3 (signed out) -> 10 / 2
        var typical = Compute("alos_typical").Rows.Single();
        var atypical = Compute("alos_atypical").Rows.Single();

        Assert.Equal((4.0, 12.0, 3.0), (typical.Value!.Value, typical.Numerator!.Value, typical.Denominator!.Value));
        Assert.Equal((5.0, 10.0, 2.0), (atypical.Value!.Value, atypical.Numerator!.Value, atypical.Denominator!.Value));
    }

    [Fact]
    public void MedianLengthOfStay_TakesTheMeanOfTheMiddleTwo_WhenTheCountIsEven()
    {
        // typical fiscal 2024: s1 4, s3 2 -> 3; fiscal 2025: s4 6
        Assert.Equal(new Dictionary<string, double?> { ["2024"] = 3, ["2025"] = 6 }, Compute("median_los_typical", "fiscal_year").Values());
        Assert.Equal(4, Compute("median_los_typical").Rows.Single().Value);
        Assert.Equal(5, Compute("median_los_atypical").Rows.Single().Value);
    }

    [Fact]
    public void MedianLengthOfStay_CountsEveryStay_WhenStaysShareTheirAcuteDaysAcrossGroups()
    {
        // typical: s1 4, s3 2, s4 6, s6 2 (F2, 2024), s7 2 (F1, 2024) -> 2, 2, 2, 4, 6: median 2, mean 16 / 5;
        // by facility: F1 s1 4, s7 2 -> 3; F2 s3 2, s4 6, s6 2 -> 2
        warehouse.Add(new Stay("s6", "p6", "2024-08-01", null, "2024-08-03", null) { Facility = "F2" });
        warehouse.Add(new Stay("s7", "p7", "2024-09-01", null, "2024-09-03", null) { Sex = "M" });
        warehouse.Build();

        Assert.Equal(2, Compute("median_los_typical").Rows.Single().Value);
        Assert.Equal(16.0 / 5, Compute("alos_typical").Rows.Single().Value);
        Assert.Equal(new Dictionary<string, double?> { ["F1"] = 3, ["F2"] = 2 }, Compute("median_los_typical", "facility").Values());
        var none = IndicatorLibrary.Compute(warehouse.Database, "median_los_typical", new IndicatorRequest { Where = [new("facility", "F9")], RequireKnownValues = false });
        Assert.Null(none.Rows.Single().Value);
    }

    [Fact]
    public void AverageLengthOfStay_TreatsATransferAsAtypical()
    {
        warehouse.Add(new Stay("s6", "p6", "2024-08-01", null, "2024-08-21", null) { Disposition = "01" });
        warehouse.Add(new Stay("s7", "p7", "2024-08-01", null, "2024-08-11", null) { From = "H9" });
        warehouse.Build();

        Assert.Equal(4, Compute("alos_typical").Rows.Single().Value);
        Assert.Equal((7.0 + 3 + 20 + 10) / 4, Compute("alos_atypical").Rows.Single().Value);
    }

    [Fact]
    public void InHospitalMortality_IsDeathsOverDischarges_InPercent()
    {
        var all = Compute("in_hospital_mortality").Rows.Single();
        var byFacility = Compute("in_hospital_mortality", "facility");

        Assert.Equal((20.0, 1.0, 5.0), (all.Value!.Value, all.Numerator!.Value, all.Denominator!.Value));
        Assert.Equal(100.0 / 3, byFacility.Single("F1").Value!.Value, 9);
        Assert.Equal(0, byFacility.Single("F2").Value);
    }
}
