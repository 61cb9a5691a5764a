using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Reference;
using HealthStats.Warehouse.Tests.Classification;

namespace HealthStats.Warehouse.Tests.Reference;

/// <summary>The population, standard population and code list stores on a real warehouse file.</summary>
public sealed class ReferenceStoresTests : IDisposable
{
    private readonly TestWarehouse warehouse = new();

    public void Dispose() => warehouse.Dispose();

    [Fact]
    public void PopulationImport_ReplacesOnlyTheYearsAndRegionsInTheFile_WhenImportedAgain()
    {
        var store = new PopulationStore(warehouse.Database);
        store.Import(YearKind.Fiscal, [Row(2024, "R01", 100), Row(2024, "R02", 200), Row(2025, "R01", 300)], "first.csv", replaceAll: false);

        var (replaced, rows) = store.Import(YearKind.Fiscal, [Row(2024, "R01", 111)], "second.csv", replaceAll: false);

        Assert.Equal([(2024, "R01")], replaced);
        Assert.Equal(1, rows);
        Assert.Equal(["2024 R01 111 second.csv", "2024 R02 200 first.csv", "2025 R01 300 first.csv"],
            store.List().Select(p => $"{p.Year} {p.Region} {p.Total} {p.Source}"));
    }

    [Fact]
    public void PopulationImport_DropsEveryPopulationOfTheYearKind_WhenReplacingAll()
    {
        var store = new PopulationStore(warehouse.Database);
        store.Import(YearKind.Fiscal, [Row(2024, "R01", 100), Row(2024, "R02", 200)], "first.csv", replaceAll: false);
        store.Import(YearKind.Calendar, [Row(2024, "R01", 100)], "calendar.csv", replaceAll: false);

        store.Import(YearKind.Fiscal, [Row(2025, "R01", 300)], "second.csv", replaceAll: true);

        Assert.Equal(["Calendar 2024 R01", "Fiscal 2025 R01"], store.List().Select(p => $"{p.YearKind} {p.Year} {p.Region}"));
    }

    [Fact]
    public void PopulationList_TotalsMaleAndFemale_WhenNoTotalRowIsGiven()
    {
        var store = new PopulationStore(warehouse.Database);
        store.Import(YearKind.Calendar, [Row(2024, "R01", 100, "M"), Row(2024, "R01", 150, "F")], "p.csv", replaceAll: false);

        var summary = Assert.Single(store.List());

        Assert.Equal(("FM", 250L), (summary.Sexes, summary.Total));
    }

    [Fact]
    public void StandardImport_ReplacesAStandardOfTheSameName_WhenImportedAgain()
    {
        var store = new StandardPopulationStore(warehouse.Database);
        store.Import([("CAN2011", Standard("first", 10))], "a.csv");

        var replaced = store.Import([("CAN2011", Standard("second", 20))], "b.csv");

        Assert.Equal(["CAN2011"], replaced);
        var info = Assert.Single(store.List());
        Assert.Equal(("second", 2, 65, 30.0), (info.Description, info.AgeGroups, info.TopAgeStart, info.Total));
        Assert.Equal([new StandardAgeGroup(0, 64, 20), new StandardAgeGroup(65, null, 10)], store.Groups("CAN2011"));
    }

    [Fact]
    public void CodeListImport_AddsNewCodesAndRetitlesKnownOnes_WhenTheStandardListsAreSeeded()
    {
        WarehouseSetup.Initialize(warehouse.Database);
        var store = new CodeListStore(warehouse.Database);

        var (added, replaced) = store.Import(
        [
            new CodeListEntry(CodeLists.DischargeDisposition, "13", "Transferred to hospice"),
            new CodeListEntry(CodeLists.DischargeDisposition, "05", "Discharged home (site wording)"),
        ]);

        Assert.Equal((1, 1), (added, replaced));
        var dispositions = store.List().Where(e => e.List == CodeLists.DischargeDisposition).ToList();
        Assert.Equal(11, dispositions.Count);
        Assert.Contains(new CodeListEntry(CodeLists.DischargeDisposition, "05", "Discharged home (site wording)"), dispositions);
    }

    private static PopulationRow Row(int year, string region, long population, string sex = "T") => new(year, region, sex, 0, null, population);

    private static StandardPopulation Standard(string name, double young) =>
        new(name, [new StandardAgeGroup(0, 64, young), new StandardAgeGroup(65, null, 10)]);
}
