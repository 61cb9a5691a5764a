using HealthStats.TestSupport;
using HealthStats.Warehouse.Classification;
using HealthStats.Warehouse.CodeEdits;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Warehouse.Tests.CodeEdits;

/// <summary>Edit tables in a real warehouse file: imports as versions, and which one is in force at a discharge date.</summary>
public sealed class CodeEditStoreTests : IDisposable
{
    private const string CsvHeader = "edit_type,code_kind,code,effective_from,effective_to";

    private readonly TempDirectory temp = new("edit-store");
    private readonly CodeEditStore store;

    public CodeEditStoreTests()
    {
        var database = new WarehouseDatabase(new DataDirectory(temp.Combine("data")));
        database.Initialize();
        store = new CodeEditStore(database);
    }

    public void Dispose() => temp.Dispose();

    private string Write(string name, params string[] lines)
    {
        var path = temp.Combine(name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    private CodeEditTypes Find(string code, string date, ClassificationKind kind = ClassificationKind.Diagnosis) =>
        store.LoadSnapshot().At(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).Find(kind, code);

    [Fact]
    public void NewerImport_SupersedesTheOlder_FromItsEffectiveDateOnly()
    {
        store.Import(Write("v1.csv", CsvHeader, "male_only,diagnosis,N40.0,2020-10-01,", "male_only,diagnosis,N40.1,2020-10-01,"), null, "SITE-2021");
        // The 2022 list drops N40.1.
        store.Import(Write("v2.csv", CsvHeader, "male_only,diagnosis,N40.0,2021-10-01,"), null, "SITE-2022");

        Assert.Equal(CodeEditTypes.MaleOnly, Find("N401", "2021-09-30"));
        Assert.Equal(CodeEditTypes.None, Find("N401", "2021-10-01"));
        Assert.Equal(CodeEditTypes.MaleOnly, Find("N400", "2021-10-01"));
        Assert.Equal(CodeEditTypes.None, Find("N400", "2020-09-30"));
    }

    [Fact]
    public void NewerImport_SupersedesOnlyTheEditTypesItHolds()
    {
        store.Import(Write("v1.csv", CsvHeader, "male_only,diagnosis,N40.0,2020-10-01,", "adult_only,diagnosis,I25.10,2020-10-01,"), null, "SITE-1");
        store.Import(Write("v2.csv", CsvHeader, "male_only,diagnosis,C61,2021-10-01,"), null, "SITE-2");

        Assert.Equal(CodeEditTypes.AdultOnly, Find("I2510", "2022-01-01"));
        Assert.Equal(CodeEditTypes.None, Find("N400", "2022-01-01"));
        Assert.Equal(CodeEditTypes.MaleOnly, Find("C61", "2022-01-01"));
    }

    [Fact]
    public void Snapshot_HonoursACodesOwnEffectiveTo()
    {
        store.Import(Write("v.csv", CsvHeader, "female_only,intervention,0UL70ZZ,2020-01-01,2020-12-31"), null, "SITE");

        Assert.Equal(CodeEditTypes.FemaleOnly, Find("0UL70ZZ", "2020-12-31", ClassificationKind.Intervention));
        Assert.Equal(CodeEditTypes.None, Find("0UL70ZZ", "2021-01-01", ClassificationKind.Intervention));
        Assert.Equal(CodeEditTypes.None, Find("0UL70ZZ", "2020-12-31"));
    }

    [Fact]
    public void Import_WinsOverTheStarterSet_WhereItIsInForce()
    {
        store.EnsureStarter();
        store.Import(Write("v.csv", CsvHeader, "male_only,diagnosis,C61,2024-04-01,"), null, "SITE");

        Assert.Equal(CodeEditTypes.MaleOnly | CodeEditTypes.AdultOnly, Find("N400", "2024-03-31"));
        Assert.Equal(CodeEditTypes.AdultOnly, Find("N400", "2024-04-01")); // male_only now comes from the import, which lacks N40.0
        Assert.Equal("SITE", store.LoadSnapshot().At(new DateOnly(2024, 4, 1)).VersionOf(CodeEditTypes.MaleOnly));
        Assert.Equal(CodeEditStore.StarterVersion, store.LoadSnapshot().At(new DateOnly(2024, 4, 1)).VersionOf(CodeEditTypes.AdultOnly));
    }

    [Fact]
    public void Import_ReplacesTheVersionOfTheSameName()
    {
        var file = Write("v.csv", CsvHeader, "male_only,diagnosis,N40.0,2020-01-01,");
        Assert.False(store.Import(file, null, "SITE").Replaced);

        var second = store.Import(Write("v2.csv", CsvHeader, "male_only,diagnosis,C61,2020-01-01,"), null, "SITE");

        Assert.True(second.Replaced);
        var import = Assert.Single(store.ListImports());
        Assert.Equal(("SITE", "csv", 1), (import.Version, import.Format, import.EditCount));
        Assert.Equal(CodeEditTypes.None, Find("N400", "2024-01-01"));
    }

    [Fact]
    public void Import_StoresNothing_WhenTheFileIsWrong()
    {
        var file = Write("bad.csv", CsvHeader, "male_only,diagnosis,N40.0,2020-01-01,", "male_only,diagnosis,C61,2020-13-01,");

        Assert.Throws<HealthStats.Warehouse.Reference.ReferenceFileException>(() => store.Import(file, null, "SITE"));

        Assert.Empty(store.ListImports());
    }

    [Fact]
    public void Import_RefusesTheStarterSetsName()
    {
        Assert.Throws<ArgumentException>(() => store.Import(Write("v.csv", CsvHeader, "male_only,diagnosis,C61,2020-01-01,"), null, "starter"));
    }

    [SharedDataFact]
    public void ImportMce_NamesTheVersion_AndAppliesFromOctoberFirst()
    {
        var result = store.Import(SharedData.Path("mce", "MCE_Simple_Code_Edits_v37_FY2020.txt"), null, null);

        Assert.Equal(("MCE-v37", CodeEditFormat.Mce, new DateOnly(2019, 10, 1)), (result.Version, result.Format, result.EffectiveFrom));
        Assert.Equal(CodeEditTypes.MaleOnly | CodeEditTypes.AdultOnly, Find("N400", "2019-10-01"));
        Assert.Equal(CodeEditTypes.None, Find("N400", "2019-09-30"));
        var import = Assert.Single(store.ListImports());
        Assert.Equal(153, import.SkippedCount);
        Assert.Equal(5429, import.CountsByType["female_only"]);
    }
}
