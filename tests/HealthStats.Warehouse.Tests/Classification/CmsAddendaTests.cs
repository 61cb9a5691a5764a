using HealthStats.TestSupport;
using HealthStats.Warehouse.Classification;

namespace HealthStats.Warehouse.Tests.Classification;

/// <summary>The FY2026 CMS addenda on the FY2026 order files (version "2026", effective 2025-10-01).</summary>
public sealed class CmsAddendaTests(CmsOrderImportFixture fixture) : IClassFixture<CmsOrderImportFixture>
{
    private static readonly DateOnly Fy2026 = CmsOrderImportFixture.Fy2026;
    private static readonly DateOnly LastDayOfFy2025 = Fy2026.AddDays(-1);

    [SharedDataFact]
    public void Find_FollowsTheCmOrderAddenda_EitherSideOfOctober1st()
    {
        var snapshot = Snapshot(ClassificationKind.Diagnosis, "icd10cm", "icd10cm_order_addenda_2026.txt");

        // Deleted as billable codes, kept as headers.
        Assert.Equal(("Other acariasis", true), Billable(snapshot.Find(ClassificationKind.Diagnosis, "B880", LastDayOfFy2025)));
        Assert.Equal(("Other acariasis", false), Billable(snapshot.Find(ClassificationKind.Diagnosis, "B880", Fy2026)));
        Assert.True(snapshot.Find(ClassificationKind.Diagnosis, "D71", LastDayOfFy2025)?.Billable);
        // Deleted outright.
        Assert.Equal("Contusion of abdominal wall, initial encounter", snapshot.Find(ClassificationKind.Diagnosis, "S301XXA", LastDayOfFy2025)?.Title);
        Assert.Null(snapshot.Find(ClassificationKind.Diagnosis, "S301XXA", Fy2026));
        // Added.
        Assert.Null(snapshot.Find(ClassificationKind.Diagnosis, "B8801", LastDayOfFy2025));
        Assert.True(snapshot.Find(ClassificationKind.Diagnosis, "B8801", Fy2026)?.Billable);
        // Unchanged.
        Assert.True(snapshot.Find(ClassificationKind.Diagnosis, "J189", LastDayOfFy2025)?.Billable);
        Assert.True(snapshot.Find(ClassificationKind.Diagnosis, "J189", Fy2026)?.Billable);
    }

    [SharedDataFact]
    public void Find_FollowsThePcsOrderAddenda_EitherSideOfOctober1st()
    {
        var snapshot = Snapshot(ClassificationKind.Intervention, "icd10pcs", "icd10pcs_order_addenda_2026.txt");

        Assert.True(snapshot.Find(ClassificationKind.Intervention, "XW03306", LastDayOfFy2025)?.Billable);
        Assert.Null(snapshot.Find(ClassificationKind.Intervention, "XW03306", Fy2026));
        Assert.Null(snapshot.Find(ClassificationKind.Intervention, "09XK0Z1", LastDayOfFy2025));
        Assert.True(snapshot.Find(ClassificationKind.Intervention, "09XK0Z1", Fy2026)?.Billable);
        Assert.True(snapshot.Find(ClassificationKind.Intervention, "0DTJ4ZZ", LastDayOfFy2025)?.Billable);
    }

    [SharedDataFact]
    public void ImportAddenda_AcceptsTheCodesAddenda_WhenTheVersionIsTheFy2026OrderFile()
    {
        var path = SharedData.Path("icd10cm", "icd10cm_codes_addenda_2026.txt");
        var info = fixture.Warehouse.Store.ImportAddenda(ClassificationKind.Diagnosis, "2026", path, AddendaFiles.Read(path));

        Assert.Equal((487, 28, 38), (info.Additions, info.Deletions, info.Revisions));
        var snapshot = fixture.Warehouse.Store.LoadSnapshot();
        Assert.Equal("Varus deformity, not elsewhere classified, unspecified", snapshot.Find(ClassificationKind.Diagnosis, "M21159", LastDayOfFy2025)?.Title);
        Assert.Equal("Varus deformity, not elsewhere classified, unspecified hip", snapshot.Find(ClassificationKind.Diagnosis, "M21159", Fy2026)?.Title);
    }

    private static (string? Title, bool? Billable) Billable(CodeEntry? entry) => (entry?.Title, entry?.Billable);

    private ClassificationSnapshot Snapshot(ClassificationKind kind, string folder, string file)
    {
        var path = SharedData.Path(folder, file);
        fixture.Warehouse.Store.ImportAddenda(kind, "2026", path, AddendaFiles.Read(path));
        return fixture.Warehouse.Store.LoadSnapshot();
    }
}
