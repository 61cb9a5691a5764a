using HealthStats.TestSupport;
using HealthStats.Warehouse.Classification;
using HealthStats.Warehouse.CodeEdits;
using HealthStats.Warehouse.Reference;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Tests.CodeEdits;

/// <summary>
/// A real warehouse holding the CMS MCE v37 edit table as `reference import-edits` imports it (and no starter set), and
/// a classification that knows the MCE codes the tests use, so that their abstracts load with the edit's warning.
/// </summary>
public sealed class MceEditWarehouse : IDisposable
{
    public static readonly DateOnly MceFrom = new(2019, 10, 1);

    private readonly TempDirectory temp = new("mce-edits");

    public MceEditWarehouse()
    {
        if (!SharedData.IsAvailable)
            return; // every test using it is a [SharedDataFact] and skips
        var database = new WarehouseDatabase(new DataDirectory(temp.Path));
        database.Initialize();
        var mce = File.ReadAllLines(MceFile);
        First = [];
        foreach (var line in mce.Skip(1))
        {
            var f = line.Split('\t');
            First.TryAdd($"{f[4]} {f[5]}", f[6]);
        }
        new CodeEditStore(database).Import(MceFile, CodeEditFormat.Mce, null);
        var store = new ClassificationStore(database);
        string[] extra = ["J189", "N400", "Z3800", "O80", "I2510", "W010XXA", "S72001A"];
        store.Import(new ClassificationImport(ClassificationKind.Diagnosis, "TEST-DX", new DateOnly(2000, 1, 1), null, "test"),
            [.. First.Where(p => p.Key.EndsWith(" D", StringComparison.Ordinal)).Select(p => p.Value).Concat(extra).Distinct()
                .Select(c => new ClassificationCode(c, c, true))]);
        store.Import(new ClassificationImport(ClassificationKind.Intervention, "TEST-PX", new DateOnly(2000, 1, 1), null, "test"),
            [.. First.Where(p => p.Key.EndsWith(" P", StringComparison.Ordinal)).Select(p => p.Value).Distinct().Select(c => new ClassificationCode(c, c, true))]);
        Classification = store.LoadSnapshot();
        Edits = new CodeEditStore(database).LoadSnapshot();
        using var connection = database.OpenConnection();
        CodeLists = CodeLists.Load(connection);
    }

    public static string MceFile => SharedData.Path("mce", "MCE_Simple_Code_Edits_v37_FY2020.txt");

    /// <summary>The first code the MCE file lists per "MCE_Edit_Type ICD_Code_Type" (e.g. "Male_Only P"): the tests' cases.</summary>
    public Dictionary<string, string> First { get; } = [];

    public ClassificationSnapshot Classification { get; } = null!;

    public CodeEditSnapshot Edits { get; } = null!;

    public CodeLists CodeLists { get; } = null!;

    public void Dispose() => temp.Dispose();
}
