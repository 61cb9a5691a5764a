using HealthStats.Dashboard.Charts;
using HealthStats.Dashboard.Filters;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace HealthStats.Dashboard.Tests;

public sealed class DashboardFilterTests
{
    private static DashboardFilter Parse(string query) => DashboardFilter.FromQuery(new QueryCollection(QueryHelpers.ParseQuery(query)));

    [Fact]
    public void FromQuery_ReadsEveryFilter_AndWritesThemBackInOrder()
    {
        var filter = Parse("?sex=F&fy_to=2025&facility=F1&fy_from=2023&region=R2&age_group=70-74&admit_category=U&level=block");

        Assert.Equal(new DashboardFilter { FiscalYearFrom = 2023, FiscalYearTo = 2025, Facility = "F1", Region = "R2", AgeGroup = "70-74", Sex = "F", AdmitCategory = "U" }, filter);
        Assert.Equal("?fy_from=2023&fy_to=2025&facility=F1&region=R2&age_group=70-74&sex=F&admit_category=U&chapter=IX", filter.QueryString(("chapter", "IX"), ("block", null)));
    }

    [Fact]
    public void FromQuery_IgnoresEmptyAndUnreadableValues()
    {
        var filter = Parse("?fy_from=twenty&fy_to=&facility=%20&sex=M");

        Assert.Equal(new DashboardFilter { Sex = "M" }, filter);
        Assert.False(filter.IsEmpty);
        Assert.True(Parse("").IsEmpty);
    }

    [Fact]
    public void FiscalYearsKept_AreThoseHeldWithinTheRange()
    {
        int[] held = [2022, 2023, 2024, 2025];

        Assert.Null(DashboardFilter.None.FiscalYearsKept(held));
        Assert.Equal([2023, 2024], new DashboardFilter { FiscalYearFrom = 2023, FiscalYearTo = 2024 }.FiscalYearsKept(held));
        Assert.Equal([2024, 2025], new DashboardFilter { FiscalYearFrom = 2024 }.FiscalYearsKept(held));
        Assert.Empty(new DashboardFilter { FiscalYearFrom = 2026 }.FiscalYearsKept(held)!);
    }

    [Fact]
    public void FilteredRequest_PassesTheFiltersAnIndicatorHas_AndNamesTheOthers()
    {
        var choices = new FilterChoices([2023, 2024, 2025], ["F1"], ["R1"], ["0-4"], ["F", "M"], ["U"]);
        var filter = new DashboardFilter { FiscalYearFrom = 2024, Facility = "F1", Sex = "F" };

        var discharges = FilteredRequest.For(HealthStats.Warehouse.Indicators.IndicatorLibrary.Find("discharges"), filter, choices, ["month"]);
        var turnaround = FilteredRequest.For(HealthStats.Warehouse.Indicators.IndicatorLibrary.Find("quarantine_rate"), filter, choices, []);

        Assert.Equal(["fiscal_year=2024", "fiscal_year=2025", "facility=F1", "sex=F"], discharges.Request.Where.Select(w => $"{w.Key}={w.Value}"));
        Assert.False(discharges.Request.RequireKnownValues);
        Assert.Empty(discharges.NotApplied);
        Assert.Equal(["fiscal year", "sex"], turnaround.NotApplied);
    }

    [Fact]
    public void ChartTable_WritesCsv_QuotingWhatNeedsIt_AndDefusingFormulas()
    {
        var table = new ChartTable(["code", "title", "value"],
        [
            ["J18", "Pneumonia, organism unspecified", 12L],
            ["X", "He said \"no\"", 0.25],
            ["=1+1", "-12", -3.5],
        ]);

        Assert.Equal(
            "code,title,value\r\nJ18,\"Pneumonia, organism unspecified\",12\r\nX,\"He said \"\"no\"\"\",0.25\r\n'=1+1,-12,-3.5\r\n",
            table.ToCsv());
    }
}
