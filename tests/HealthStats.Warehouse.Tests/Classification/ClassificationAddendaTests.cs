using HealthStats.Warehouse.Classification;

namespace HealthStats.Warehouse.Tests.Classification;

/// <summary>Addenda attached to a small self-made version: what the snapshot answers either side of its effective date.</summary>
public sealed class ClassificationAddendaTests : IDisposable
{
    private static readonly DateOnly Fy2026 = new(2025, 10, 1);
    private static readonly DateOnly LastDayOfFy2025 = new(2025, 9, 30);

    private readonly TestWarehouse warehouse = new();

    public ClassificationAddendaTests() =>
        Store.Import(new ClassificationImport(ClassificationKind.Diagnosis, "CM-2026", Fy2026, null, "cm-2026.csv"),
        [
            new("B88", "Other infestations", false),
            new("B880", "Other acariasis", false),
            new("B8801", "Infestation by Demodex mites", true),
            new("B8809", "Other acariasis", true),
            new("J189", "Pneumonia, unspecified organism", true),
            new("P096", "Abnormal findings on neonatal hearing screening", true),
        ]);

    private ClassificationStore Store => warehouse.Store;

    public void Dispose() => warehouse.Dispose();

    [Fact]
    public void Find_AnswersTheVersionOnlyFromItsEffectiveDate_WhenNoAddendaAreImported()
    {
        var snapshot = Store.LoadSnapshot();

        Assert.True(snapshot.Find(ClassificationKind.Diagnosis, "B8801", Fy2026)?.Billable);
        Assert.Null(snapshot.VersionInForce(ClassificationKind.Diagnosis, LastDayOfFy2025));
        Assert.Null(snapshot.Find(ClassificationKind.Diagnosis, "B8801", LastDayOfFy2025));
    }

    [Fact]
    public void Find_GivesTheDeletedCodeBeforeAndTheNewCodesFrom_WhenAddendaAreImported()
    {
        Store.ImportAddenda(ClassificationKind.Diagnosis, "CM-2026", "addenda.txt", FiscalYear2026Addenda());

        var snapshot = Store.LoadSnapshot();

        var before = snapshot.Find(ClassificationKind.Diagnosis, "B880", LastDayOfFy2025);
        Assert.Equal(("Other acariasis", true, "B88", "CM-2026 before 2025-10-01, by its addenda"), (before?.Title, before?.Billable, before?.Category, before?.Version));
        Assert.False(snapshot.Find(ClassificationKind.Diagnosis, "B880", Fy2026)?.Billable);
        Assert.Null(snapshot.Find(ClassificationKind.Diagnosis, "B8801", LastDayOfFy2025));
        Assert.True(snapshot.Find(ClassificationKind.Diagnosis, "B8801", Fy2026)?.Billable);
        Assert.Equal("Abnormal findings on neonatal screening for neonatal hearing loss", snapshot.Find(ClassificationKind.Diagnosis, "P096", LastDayOfFy2025)?.Title);
        Assert.Equal("Abnormal findings on neonatal hearing screening", snapshot.Find(ClassificationKind.Diagnosis, "P096", Fy2026)?.Title);
        Assert.Equal("CM-2026", snapshot.Find(ClassificationKind.Diagnosis, "J189", LastDayOfFy2025)?.Version);
        Assert.Equal("CM-2026 before 2025-10-01, by its addenda", snapshot.VersionInForce(ClassificationKind.Diagnosis, LastDayOfFy2025));
    }

    [Fact]
    public void Find_CoversOneYearBeforeTheVersion_WhenAddendaAreImported()
    {
        var info = Store.ImportAddenda(ClassificationKind.Diagnosis, "CM-2026", "addenda.txt", FiscalYear2026Addenda());

        var snapshot = Store.LoadSnapshot();

        Assert.Equal((new DateOnly(2024, 10, 1), LastDayOfFy2025), (info.CoversFrom, info.CoversTo));
        Assert.NotNull(snapshot.Find(ClassificationKind.Diagnosis, "J189", new DateOnly(2024, 10, 1)));
        Assert.Null(snapshot.VersionInForce(ClassificationKind.Diagnosis, new DateOnly(2024, 9, 30)));
    }

    [Fact]
    public void Find_PrefersAnImportedEarlierVersion_WhenItStartsOnTheFirstDayTheAddendaCover()
    {
        Store.Import(new ClassificationImport(ClassificationKind.Diagnosis, "CM-2025", new DateOnly(2024, 10, 1), LastDayOfFy2025, "cm-2025.csv"),
            [new("B880", "Other acariasis (2025 file)", true)]);
        Store.ImportAddenda(ClassificationKind.Diagnosis, "CM-2026", "addenda.txt", FiscalYear2026Addenda());

        var snapshot = Store.LoadSnapshot();

        Assert.Equal("CM-2025", snapshot.VersionInForce(ClassificationKind.Diagnosis, LastDayOfFy2025));
        Assert.Equal("Other acariasis (2025 file)", snapshot.Find(ClassificationKind.Diagnosis, "B880", LastDayOfFy2025)?.Title);
    }

    [Fact]
    public void ImportAddenda_ReplacesEarlierAddenda_WhenImportedAgain()
    {
        Store.ImportAddenda(ClassificationKind.Diagnosis, "CM-2026", "first.txt", FiscalYear2026Addenda());

        Store.ImportAddenda(ClassificationKind.Diagnosis, "CM-2026", "second.txt", [new(1, AddendumChange.Add, "B8809", true, "Other acariasis")]);

        var snapshot = Store.LoadSnapshot();
        Assert.NotNull(snapshot.Find(ClassificationKind.Diagnosis, "B8801", LastDayOfFy2025));
        Assert.Null(snapshot.Find(ClassificationKind.Diagnosis, "B8809", LastDayOfFy2025));
        var addenda = Assert.Single(Store.ListAddenda());
        Assert.Equal(("second.txt", 1, 0, 0), (addenda.Source, addenda.Additions, addenda.Deletions, addenda.Revisions));
    }

    [Fact]
    public void Import_DropsTheVersionsAddenda_WhenTheVersionIsImportedAgain()
    {
        Store.ImportAddenda(ClassificationKind.Diagnosis, "CM-2026", "addenda.txt", FiscalYear2026Addenda());

        Store.Import(new ClassificationImport(ClassificationKind.Diagnosis, "CM-2026", Fy2026, null, "again.csv"), [new("J189", "Pneumonia", true)]);

        Assert.Empty(Store.ListAddenda());
        Assert.Equal(0, warehouse.Scalar<int>("select count(*) from reference.classification_addenda"));
    }

    [Fact]
    public void ImportAddenda_NamesTheLine_WhenAnAddedCodeIsNotInTheVersion()
    {
        var error = Assert.Throws<ClassificationFileException>(() => Store.ImportAddenda(ClassificationKind.Diagnosis, "CM-2026", "addenda.txt",
            [new(1, AddendumChange.Delete, "B880", true, "Other acariasis"), new(2, AddendumChange.Add, "E11A", true, "Type 2 diabetes mellitus without complications in remission")]));

        Assert.Equal(("addenda.txt", 2, "code"), (error.File, error.Line, error.Field));
        Assert.Contains("E11A is added as a billable code, but version CM-2026 does not hold it", error.Message, StringComparison.Ordinal);
        Assert.Empty(Store.ListAddenda());
    }

    [Fact]
    public void ImportAddenda_NamesTheLine_WhenADeletedCodeIsStillBillableInTheVersion()
    {
        var error = Assert.Throws<ClassificationFileException>(() => Store.ImportAddenda(ClassificationKind.Diagnosis, "CM-2026", "addenda.txt",
            [new(7, AddendumChange.Delete, "J189", true, "Pneumonia, unspecified organism")]));

        Assert.Equal((7, "code"), (error.Line, error.Field));
        Assert.Contains("still holds it as a billable code", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportAddenda_Fails_WhenTheVersionIsNotImported()
    {
        var error = Assert.Throws<ArgumentException>(() => Store.ImportAddenda(ClassificationKind.Intervention, "CM-2026", "addenda.txt", FiscalYear2026Addenda()));

        Assert.Contains("no intervention version 'CM-2026'", error.Message, StringComparison.Ordinal);
    }

    private static List<AddendumEntry> FiscalYear2026Addenda() =>
    [
        new(1, AddendumChange.Delete, "B880", true, "Other acariasis"),
        new(2, AddendumChange.Add, "B880", false, "Other acariasis"),
        new(3, AddendumChange.Add, "B8801", true, "Infestation by Demodex mites"),
        new(4, AddendumChange.Add, "B8809", true, "Other acariasis"),
        new(5, AddendumChange.ReviseFrom, "P096", true, "Abnormal findings on neonatal screening for neonatal hearing loss"),
        new(6, AddendumChange.ReviseTo, "P096", true, "Abnormal findings on neonatal hearing screening"),
    ];
}
