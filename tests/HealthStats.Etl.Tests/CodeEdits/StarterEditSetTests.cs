using HealthStats.Etl.Generation;
using HealthStats.TestSupport;
using HealthStats.Warehouse.Classification;
using HealthStats.Warehouse.CodeEdits;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Tests.CodeEdits;

/// <summary>The built-in starter edit set lists every sex and age code the demo generator injects, under its edit.</summary>
public sealed class StarterEditSetTests : IDisposable
{
    private readonly TempDirectory temp = new("starter-edits");

    public void Dispose() => temp.Dispose();

    public static TheoryData<string, string> InjectedCodes()
    {
        var data = new TheoryData<string, string>();
        foreach (var code in ErrorCodeLists.FemaleOnly)
            data.Add(code, "female_only");
        foreach (var code in ErrorCodeLists.MaleOnly)
            data.Add(code, "male_only");
        foreach (var code in ErrorCodeLists.NewbornOnly)
            data.Add(code, "newborn_only");
        foreach (var code in ErrorCodeLists.Maternity)
            data.Add(code, "maternity_only");
        foreach (var code in ErrorCodeLists.AdultOnly)
            data.Add(code, "adult_only");
        return data;
    }

    [Theory]
    [MemberData(nameof(InjectedCodes))]
    public void StarterSet_ListsTheCode_UnderTheEditItsInjectionBreaks(string code, string editType)
    {
        var database = new WarehouseDatabase(new DataDirectory(temp.Path));
        database.Initialize();
        var store = new CodeEditStore(database);
        store.EnsureStarter();

        var types = store.LoadSnapshot().At(new DateOnly(2024, 1, 1)).Find(ClassificationKind.Diagnosis, ClassificationFiles.NormaliseCode(code));

        Assert.True((types & CodeEditTypeNames.FindByName(editType)!.Type) != 0, $"{code} is not {editType} in the starter set ({types})");
    }

    [Fact]
    public void StarterSet_IsInstalledOnce_AndListedAsBuiltIn()
    {
        var database = new WarehouseDatabase(new DataDirectory(temp.Path));
        database.Initialize();
        var store = new CodeEditStore(database);

        store.EnsureStarter();
        store.EnsureStarter();

        var starter = Assert.Single(store.ListImports());
        Assert.True(starter.Builtin);
        Assert.Equal(CodeEditStore.StarterVersion, starter.Version);
        Assert.Equal(new DateOnly(1900, 1, 1), starter.EffectiveFrom);
    }
}
