using System.Text;
using HealthStats.Warehouse.Classification;

namespace HealthStats.Warehouse.Tests.Classification;

public sealed class ClassificationStoreTests : IDisposable
{
    private static readonly DateOnly Fy2025 = new(2024, 10, 1);
    private static readonly DateOnly Fy2026 = new(2025, 10, 1);

    private readonly TestWarehouse warehouse = new();

    private ClassificationStore Store => warehouse.Store;

    public void Dispose() => warehouse.Dispose();

    [Fact]
    public void Import_DerivesChapterBlockAndCategory_WhenDiagnosisFileHasNone()
    {
        var count = Store.Import(Diagnoses("2026", Fy2026), [new("J18.9", "Pneumonia, unspecified organism", true)]);

        Assert.Equal(1, count);
        using var connection = warehouse.Database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "select code, chapter, chapter_title, block, block_title, category, billable from reference.classification_codes";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(
            ("J189", "X", "Diseases of the respiratory system", "J09-J18", "Influenza and pneumonia", "J18", true),
            (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetBoolean(6)));
    }

    [Fact]
    public void Import_KeepsTheFilesChapterAndBlock_WhenFileGivesThem()
    {
        Store.Import(Diagnoses("ca-2022", Fy2026), [new("J189", "Pneumonia", true, "10", "J10-J18")]);

        var entry = Store.LoadSnapshot().Find(ClassificationKind.Diagnosis, "J189", Fy2026);

        Assert.Equal(("10", "J10-J18", "J18"), (entry?.Chapter, entry?.Block, entry?.Category));
    }

    [Fact]
    public void Import_TakesSectionAndHeaderRowTitles_WhenInterventionsAreIcd10Pcs()
    {
        Store.Import(Interventions("2026", Fy2026),
        [
            new("0DT", "Gastrointestinal System, Resection", false),
            new("0DTJ4ZZ", "Resection of Appendix, Percutaneous Endoscopic Approach", true),
            new("XW033E5", "Introduction of Remdesivir Anti-infective into Peripheral Vein, Percutaneous Approach, New Technology Group 5", true),
        ]);

        Assert.Equal("Medical and Surgical|0DT|Gastrointestinal System, Resection",
            warehouse.Scalar<string>("select concat_ws('|', chapter_title, block, block_title) from reference.classification_codes where code = '0DTJ4ZZ'"));
        Assert.Equal("X|New Technology|XW0|",
            warehouse.Scalar<string>("select concat_ws('|', chapter, chapter_title, block, coalesce(block_title, '')) from reference.classification_codes where code = 'XW033E5'"));
    }

    [Fact]
    public void Import_LeavesSectionTitlesEmpty_WhenInterventionCodesAreNotIcd10Pcs()
    {
        // CCI: 1 is "therapeutic interventions" there, not the ICD-10-PCS Obstetrics section.
        Store.Import(Interventions("cci-2022", Fy2026), [new("1.VA.53.LA-PN-N", "Implantation of internal device, hip joint", true)]);

        Assert.Equal("1VA53LA-PN-N|1|<none>|1VA",
            warehouse.Scalar<string>("select concat_ws('|', code, chapter, coalesce(chapter_title, '<none>'), block) from reference.classification_codes"));
    }

    [Fact]
    public void Import_ReplacesTheVersionsCodes_WhenSameKindAndVersionIsImportedAgain()
    {
        Store.Import(Diagnoses("2026", Fy2026), [new("A00", "Cholera", false), new("A000", "Cholera 01", true)]);
        var first = Assert.Single(Store.ListVersions());

        var count = Store.Import(Diagnoses("2026", Fy2026, source: "second.txt"), [new("B20", "HIV disease", true)]);

        var second = Assert.Single(Store.ListVersions());
        Assert.Equal(1, count);
        Assert.Equal((first.VersionId, 1, "second.txt"), (second.VersionId, second.CodeCount, second.Source));
        Assert.Equal("B20", warehouse.Scalar<string>("select string_agg(code, ',') from reference.classification_codes"));
    }

    [Fact]
    public void Import_KeepsTheEarlierCodes_WhenTheNewFileFailsHalfWay()
    {
        Store.Import(Diagnoses("2026", Fy2026), [new("A00", "Cholera", false)]);
        using var bad = new StringReader("code,title,billable\nB20,HIV disease,1\nB21,Broken,perhaps\n");

        Assert.Throws<ClassificationFileException>(() => Store.Import(Diagnoses("2026", Fy2026), ClassificationFiles.ReadCsv(bad, "bad.csv")));

        Assert.Equal("A00", warehouse.Scalar<string>("select string_agg(code, ',') from reference.classification_codes"));
        Assert.Equal("test.txt", Assert.Single(Store.ListVersions()).Source);
    }

    [Fact]
    public void Import_ThrowsWithBothDates_WhenEffectiveToIsBeforeEffectiveFrom()
    {
        var import = new ClassificationImport(ClassificationKind.Diagnosis, "2026", Fy2026, Fy2026.AddDays(-1), "test.txt");

        var error = Assert.Throws<ArgumentException>(() => Store.Import(import, [new("A00", "Cholera", false)]));

        Assert.Contains("2025-09-30", error.Message, StringComparison.Ordinal);
        Assert.Contains("2025-10-01", error.Message, StringComparison.Ordinal);
        Assert.Empty(Store.ListVersions());
    }

    [Fact]
    public void Import_Throws_WhenThereAreNoCodes()
    {
        using var headerOnly = new StringReader("code,title,billable\n");

        var error = Assert.Throws<ArgumentException>(() => Store.Import(Diagnoses("2026", Fy2026), ClassificationFiles.ReadCsv(headerOnly, "empty.csv")));

        Assert.Contains("no codes", error.Message, StringComparison.Ordinal);
        Assert.Empty(Store.ListVersions());
    }

    [Fact]
    public void Import_Throws_WhenACodeAppearsTwice()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Store.Import(Diagnoses("2026", Fy2026), [new("A00.0", "Cholera 01", true), new("A000", "Cholera again", true)]));

        Assert.Contains("A000 appears more than once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_Throws_WhenVersionIsNamedStarter() =>
        Assert.Throws<ArgumentException>(() => Store.Import(Diagnoses("Starter", Fy2026), [new("A00", "Cholera", false)]));

    [Fact]
    public void Find_ReturnsTheOlderVersionsEntry_WhenDateIsBeforeTheNewerVersionStarts()
    {
        // Y35.3 was valid in the older version and deleted from the newer one.
        Store.Import(Diagnoses("2025", Fy2025), [new("J189", "Pneumonia", true), new("Y353", "Legal intervention", false)]);
        Store.Import(Diagnoses("2026", Fy2026), [new("J189", "Pneumonia, unspecified organism", true)]);

        var snapshot = Store.LoadSnapshot();

        Assert.Equal("2025", snapshot.Find(ClassificationKind.Diagnosis, "Y353", Fy2026.AddDays(-1))?.Version);
        Assert.Null(snapshot.Find(ClassificationKind.Diagnosis, "Y353", Fy2026));
        Assert.Equal("Pneumonia, unspecified organism", snapshot.Find(ClassificationKind.Diagnosis, "J189", Fy2026)?.Title);
        Assert.Equal("Pneumonia", snapshot.Find(ClassificationKind.Diagnosis, "J189", Fy2025)?.Title);
    }

    [Fact]
    public void Find_ReturnsNull_WhenNoVersionIsInForceOnThatDate()
    {
        Store.Import(Diagnoses("2025", Fy2025, to: Fy2026.AddDays(-1)), [new("J189", "Pneumonia", true)]);

        var snapshot = Store.LoadSnapshot();

        Assert.NotNull(snapshot.Find(ClassificationKind.Diagnosis, "J189", Fy2026.AddDays(-1))); // the end date is inclusive
        Assert.Null(snapshot.Find(ClassificationKind.Diagnosis, "J189", Fy2026));
        Assert.Null(snapshot.Find(ClassificationKind.Diagnosis, "J189", Fy2025.AddDays(-1)));
        Assert.Null(snapshot.VersionInForce(ClassificationKind.Diagnosis, Fy2026));
        Assert.Null(snapshot.VersionInForce(ClassificationKind.Intervention, Fy2025));
    }

    [Fact]
    public void VersionInForce_IsTheLatestStart_WhenImportedVersionsOverlap()
    {
        Store.Import(Diagnoses("2026", Fy2026), [new("A00", "Cholera", false)]);
        Store.Import(Diagnoses("2025", Fy2025), [new("A00", "Cholera", false)]);

        var snapshot = Store.LoadSnapshot();

        Assert.Equal("2025", snapshot.VersionInForce(ClassificationKind.Diagnosis, Fy2026.AddDays(-1)));
        Assert.Equal("2026", snapshot.VersionInForce(ClassificationKind.Diagnosis, Fy2026));
    }

    [Fact]
    public void Find_PrefersTheImportedVersion_WhenTheStarterCoversTheDateToo()
    {
        Store.EnsureStarter(Starters("A00,Cholera,0\nZZ99,Starter only,1\n"));
        Store.Import(Diagnoses("2026", Fy2026), [new("A00", "Cholera (imported)", false)]);

        var snapshot = Store.LoadSnapshot();

        Assert.Equal("Cholera (imported)", snapshot.Find(ClassificationKind.Diagnosis, "A00", Fy2026)?.Title);
        Assert.Null(snapshot.Find(ClassificationKind.Diagnosis, "ZZ99", Fy2026));
        Assert.Equal(ClassificationStore.StarterVersion, snapshot.Find(ClassificationKind.Diagnosis, "ZZ99", Fy2025)?.Version);
        Assert.Equal(ClassificationStore.StarterVersion, snapshot.VersionInForce(ClassificationKind.Intervention, Fy2026));
    }

    [Fact]
    public void EnsureStarter_InstallsBothKindsOnce_WhenCalledTwice()
    {
        var open = Starters("J18.9,\"Pneumonia, unspecified organism\",1\n");

        Store.EnsureStarter(open);
        var first = Store.ListVersions();
        Store.EnsureStarter(open);
        var second = Store.ListVersions();

        Assert.Equal(2, first.Count);
        Assert.All(first, v => Assert.True(v.Builtin && v.Version == "starter" && v.EffectiveFrom == new DateOnly(1900, 1, 1) && v.EffectiveTo is null));
        Assert.Equal(first, second);
        Assert.Equal(2, warehouse.Scalar<int>("select count(*) from reference.classification_codes"));
        Assert.Equal("X", warehouse.Scalar<string>("select chapter from reference.classification_codes where code = 'J189'"));
    }

    [Fact]
    public void EnsureStarter_ReplacesTheStarter_WhenTheEmbeddedFileChanged()
    {
        Store.EnsureStarter(Starters("A00,Cholera,0\n"));
        var before = Store.ListVersions();

        Store.EnsureStarter(Starters("A00,Cholera,0\nA000,Cholera 01,1\n"));

        var after = Store.ListVersions();
        Assert.Equal(before.Select(v => v.VersionId), after.Select(v => v.VersionId));
        Assert.Equal(2, after.Single(v => v.Kind == ClassificationKind.Diagnosis).CodeCount);
        Assert.Equal(3, warehouse.Scalar<int>("select count(*) from reference.classification_codes"));
    }

    [Fact]
    public void OpenEmbeddedStarter_ThrowsNamingTheStarterFile_WhenTheResourceIsMissing()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            ClassificationStore.OpenEmbeddedStarter(typeof(ClassificationStoreTests).Assembly, ClassificationKind.Intervention));

        Assert.Contains("Classification/Starter/starter_interventions.csv", error.Message, StringComparison.Ordinal);
    }

    [EmbeddedStarterFact]
    public void EnsureStarter_InstallsTheEmbeddedStartersOnce_WhenCalledTwice()
    {
        Store.EnsureStarter();
        var first = Store.ListVersions();
        Store.EnsureStarter();

        Assert.Equal(first, Store.ListVersions());
        Assert.Equal([ClassificationKind.Diagnosis, ClassificationKind.Intervention], first.Select(v => v.Kind));
        Assert.All(first, v => Assert.True(v.Builtin && v.CodeCount > 0));
    }

    [Fact]
    public void EnsureStructure_LoadsChaptersBlocksAndSections_WhenCalledTwice()
    {
        Store.EnsureStructure();
        Store.EnsureStructure();

        Assert.Equal(22, warehouse.Scalar<int>("select count(*) from reference.icd_chapters"));
        Assert.Equal(IcdStructure.Blocks.Count, warehouse.Scalar<int>("select count(*) from reference.icd_blocks"));
        Assert.Equal(17, warehouse.Scalar<int>("select count(*) from reference.pcs_sections"));
        Assert.Equal("J09-J18", warehouse.Scalar<string>("select block from reference.icd_blocks where 'J18' between first_category and last_category"));
    }

    private static ClassificationImport Diagnoses(string version, DateOnly from, DateOnly? to = null, string source = "test.txt") =>
        new(ClassificationKind.Diagnosis, version, from, to, source);

    private static ClassificationImport Interventions(string version, DateOnly from) =>
        new(ClassificationKind.Intervention, version, from, null, "test.txt");

    private static Func<ClassificationKind, StarterSource> Starters(string diagnosisRows) => kind => kind == ClassificationKind.Diagnosis
        ? new StarterSource("starter/starter_diagnoses.csv", Encoding.UTF8.GetBytes("code,title,billable\n" + diagnosisRows))
        : new StarterSource("starter/starter_interventions.csv", Encoding.UTF8.GetBytes("code,title,billable\n0DTJ4ZZ,Resection of Appendix,1\n"));
}
