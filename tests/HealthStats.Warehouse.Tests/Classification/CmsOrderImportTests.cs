using System.Diagnostics;
using HealthStats.TestSupport;
using HealthStats.Warehouse.Classification;
using Xunit.Abstractions;

namespace HealthStats.Warehouse.Tests.Classification;

public sealed class CmsOrderImportTests(CmsOrderImportFixture fixture, ITestOutputHelper output) : IClassFixture<CmsOrderImportFixture>
{
    private static readonly DateOnly Fy2026 = CmsOrderImportFixture.Fy2026;

    [SharedDataFact]
    public void Import_Stores98186CodesOf74719Billable_WhenGivenTheCmOrderFile()
    {
        output.WriteLine($"ICD-10-CM order file imported in {fixture.DiagnosisImportTime.TotalMilliseconds:0} ms");

        Assert.Equal(98_186, fixture.DiagnosisCount);
        Assert.Equal(98_186, Scalar<int>("select count(*) from reference.classification_codes c join reference.classification_versions v using (version_id) where v.kind = 'diagnosis'"));
        Assert.Equal(74_719, Scalar<int>("select count(*) from reference.classification_codes c join reference.classification_versions v using (version_id) where v.kind = 'diagnosis' and billable"));
    }

    [SharedDataFact]
    public void Import_PlacesEveryCmCodeInAChapterAndBlock_WhenDerivingFromTheStructure() =>
        Assert.Equal(0, Scalar<int>("""
            select count(*) from reference.classification_codes c join reference.classification_versions v using (version_id)
            where v.kind = 'diagnosis' and (chapter_title is null or block_title is null or category <> left(code, 3))
            """));

    [SharedDataFact]
    public void Import_Stores80029Codes_WhenGivenThePcsOrderFile()
    {
        output.WriteLine($"ICD-10-PCS order file imported in {fixture.InterventionImportTime.TotalMilliseconds:0} ms");

        Assert.Equal(80_029, fixture.InterventionCount);
        Assert.Equal(0, Scalar<int>("""
            select count(*) from reference.classification_codes c join reference.classification_versions v using (version_id)
            where v.kind = 'intervention' and (chapter_title is null or block_title is null)
            """));
    }

    [SharedDataFact]
    public void LoadSnapshot_FindsKnownCodesWithChapterAndBlock_WhenBothOrderFilesAreImported()
    {
        var clock = Stopwatch.StartNew();
        var snapshot = fixture.Warehouse.Store.LoadSnapshot();
        output.WriteLine($"snapshot of {fixture.DiagnosisCount + fixture.InterventionCount} codes loaded in {clock.ElapsedMilliseconds} ms");

        Assert.Equal(("X", "J09-J18", true), Placement(snapshot, "J189"));
        Assert.Equal(("IX", "I20-I25", true), Placement(snapshot, "I214"));
        Assert.Equal(("XIX", "S70-S79", true), Placement(snapshot, "S72001A"));
        Assert.Equal(("XV", "O80-O84", true), Placement(snapshot, "O80"));
        Assert.Equal(("XXI", "Z30-Z39", true), Placement(snapshot, "Z3800"));
        Assert.Equal(("XXII", "U00-U49", true), Placement(snapshot, "U071"));
        Assert.Equal(("X", "J09-J18", false), Placement(snapshot, "J18"));
        Assert.Null(snapshot.Find(ClassificationKind.Diagnosis, "J189", Fy2026.AddDays(-1)));

        var appendectomy = snapshot.Find(ClassificationKind.Intervention, "0DTJ4ZZ", Fy2026);
        Assert.Equal(("0", "0DT", "2026"), (appendectomy?.Chapter, appendectomy?.Block, appendectomy?.Version));
        Assert.Equal("Resection of Appendix, Percutaneous Endoscopic Approach", appendectomy?.Title);
        Assert.Equal("Gastrointestinal System, Resection",
            Scalar<string>("select block_title from reference.classification_codes where code = '0DTJ4ZZ'"));
    }

    private static (string? Chapter, string? Block, bool Billable) Placement(ClassificationSnapshot snapshot, string code)
    {
        var entry = snapshot.Find(ClassificationKind.Diagnosis, code, Fy2026);
        Assert.NotNull(entry);
        return (entry.Chapter, entry.Block, entry.Billable);
    }

    private T? Scalar<T>(string sql) => fixture.Warehouse.Scalar<T>(sql);
}
