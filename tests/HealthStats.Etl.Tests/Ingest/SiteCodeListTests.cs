using HealthStats.Etl.Deidentification;
using HealthStats.Etl.Ingest;
using HealthStats.TestSupport;
using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Classification;
using HealthStats.Warehouse.Reference;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Tests.Ingest;

/// <summary>A site's own code list entries, imported into the warehouse, are what validation accepts.</summary>
public sealed class SiteCodeListTests : IDisposable
{
    private readonly TempDirectory temp = new("site-code-list");

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Ingest_LoadsDisposition13_WhenTheSiteAddedItAfterAQuarantine()
    {
        var database = new WarehouseDatabase(new DataDirectory(temp.Combine("data")));
        WarehouseSetup.Initialize(database);
        new ClassificationStore(database).Import(new ClassificationImport(ClassificationKind.Diagnosis, "TEST-DX", new DateOnly(2000, 1, 1), null, "test"),
            [new("J189", "Pneumonia, unspecified organism", true), new("I10", "Essential (primary) hypertension", true)]);
        var service = new IngestService(database, new Pseudonymiser(HmacKeyStore.LoadOrCreate(database.DataDirectory)));
        // As AbstractFileBuilder writes a line, with disposition 13 (not a DAD code) in place of 05.
        var line = "F001,A1,A,CHART-0001,HCN-9876543210,F,1950-06-15,K1A 0B1,R01,2024-05-01,08:30,2024-05-06,14:00,U,13,,,0,C01,2024-05-20,J18.9,M,I10,1,,";

        var before = await service.IngestFileAsync(new AbstractFileBuilder().AddRaw(line).Write(temp.Combine("first.csv")), new IngestOptions(), CancellationToken.None);
        var codes = temp.Combine("dispositions.csv");
        File.WriteAllText(codes, "list,code,title\ndischarge_disposition,13,Transferred to hospice\n");
        new CodeListStore(database).Import(CodeListFile.Read(codes));
        var after = await service.IngestFileAsync(new AbstractFileBuilder().AddRaw(line).AddRaw(line.Replace("F001,A1,", "F001,A2,", StringComparison.Ordinal))
            .Write(temp.Combine("second.csv")), new IngestOptions(), CancellationToken.None);

        Assert.Equal((0, 1), (before.Loaded, before.Quarantined));
        Assert.Equal(1, before.QuarantinedByReason["S05"]);
        Assert.Equal((2, 0), (after.Loaded, after.Quarantined));
        using var connection = database.OpenConnection();
        Assert.Equal(2, connection.Scalar<long>("select count(*) from marts.fct_abstracts where discharge_disposition = '13'"));
    }
}
