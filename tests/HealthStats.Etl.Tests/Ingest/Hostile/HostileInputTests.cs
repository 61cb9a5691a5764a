using HealthStats.Etl.Deidentification;
using HealthStats.Etl.Ingest;
using HealthStats.Etl.Ingest.Quarantine;
using HealthStats.TestSupport;
using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Classification;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Tests.Ingest.Hostile;

/// <summary>
/// Each hostile file through the real ingest (IngestService on a real data directory): a clear
/// file-level error naming the file, or records loaded and quarantined with their rules, within a
/// time limit. Either way the counts reconcile and every quarantined record keeps its reason.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(60);

    private readonly TempDirectory temp = new("hostile");
    private readonly WarehouseDatabase database;
    private readonly IngestService service;

    public HostileInputTests()
    {
        database = new WarehouseDatabase(new DataDirectory(temp.Combine("data")));
        WarehouseSetup.Initialize(database);
        var store = new ClassificationStore(database);
        store.Import(new ClassificationImport(ClassificationKind.Diagnosis, "TEST-DX", new DateOnly(2000, 1, 1), null, "test"),
            [new("J189", "Pneumonia, unspecified organism", true), new("I10", "Essential (primary) hypertension", true)]);
        store.Import(new ClassificationImport(ClassificationKind.Intervention, "TEST-PX", new DateOnly(2000, 1, 1), null, "test"),
        [
            new("5A1955Z", "Respiratory Ventilation, Greater than 96 Consecutive Hours", true),
            new("0DTJ4ZZ", "Resection of Appendix, Percutaneous Endoscopic Approach", true),
        ]);
        service = new IngestService(database, new Pseudonymiser(HmacKeyStore.LoadOrCreate(database.DataDirectory)));
    }

    public void Dispose() => temp.Dispose();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Ingest_GivesTheExpectedOutcome_WhenTheFileIsHostile(string name)
    {
        var hostile = HostileCorpus.All.Single(c => c.Name == name);
        var path = temp.Combine(hostile.FileName);
        hostile.Write(path);
        var expected = hostile.Expected;

        var totals = await service.IngestFilesAsync([path], new IngestOptions { ScoreAfterBatch = false }, CancellationToken.None)
            .WaitAsync(TimeLimit);

        if (expected.FailsWith is { } message)
        {
            var failed = Assert.Single(totals.Failed);
            Assert.Contains(hostile.FileName, failed.Error, StringComparison.Ordinal);
            Assert.Contains(message, failed.Error, StringComparison.Ordinal);
            Assert.Empty(totals.Files);
            Assert.Empty(QuarantineWriter.ReadAll(database.DataDirectory.QuarantineDirectory));
            return;
        }
        Assert.Empty(totals.Failed);
        var summary = Assert.Single(totals.Files);
        Assert.Equal((expected.Loaded, expected.Quarantined), (summary.Loaded, summary.Quarantined));
        Assert.Equal(summary.Received, summary.Loaded + summary.Quarantined);
        if (expected.Rule is { } rule)
            Assert.Equal(expected.Quarantined, summary.QuarantinedByReason.GetValueOrDefault(rule));
        if (expected.Warning is { } warning)
            Assert.True(summary.WarningsByRule.ContainsKey(warning));
        var quarantined = QuarantineWriter.ReadAll(database.DataDirectory.QuarantineDirectory).ToList();
        Assert.Equal(summary.Quarantined, quarantined.Select(q => q.GetProperty("line").GetInt64()).Distinct().Count());
        Assert.All(quarantined, q =>
        {
            Assert.False(string.IsNullOrEmpty(q.GetProperty("rule").GetString()));
            Assert.False(string.IsNullOrEmpty(q.GetProperty("reason").GetString()));
        });
    }

    public static TheoryData<string> Cases() => HostileCorpus.Names();
}
