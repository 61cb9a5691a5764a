using HealthStats.Etl.Deidentification;
using HealthStats.Etl.Ingest;
using HealthStats.Etl.Ingest.Quarantine;
using HealthStats.TestSupport;
using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Classification;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Tests.Ingest;

/// <summary>
/// ICD-10-CM-2026 (effective 2025-10-01) and its CMS order addenda, imported from the real files: abstracts discharged
/// either side of October 1st load or are quarantined by the code's life in the addenda.
/// </summary>
public sealed class AddendaIngestTests : IDisposable
{
    private readonly TempDirectory temp = new("addenda-ingest");

    public void Dispose() => temp.Dispose();

    [SharedDataFact]
    public async Task Ingest_AcceptsCodesByTheirAddendaDates_WhenTheVersionsAddendaAreImported()
    {
        var database = new WarehouseDatabase(new DataDirectory(temp.Combine("data")));
        WarehouseSetup.Initialize(database);
        var store = new ClassificationStore(database);
        var order = SharedData.Path("icd10cm", "icd10cm_order_2026.txt");
        store.Import(new ClassificationImport(ClassificationKind.Diagnosis, "ICD-10-CM-2026", new DateOnly(2025, 10, 1), null, "icd10cm_order_2026.txt"),
            ClassificationFiles.ReadCmsOrder(order));
        var addenda = SharedData.Path("icd10cm", "icd10cm_order_addenda_2026.txt");
        store.ImportAddenda(ClassificationKind.Diagnosis, "ICD-10-CM-2026", addenda, AddendaFiles.Read(addenda));
        var file = new AbstractFileBuilder()
            .Add("F001", "DELETED-BEFORE", admit: "2025-09-25", discharge: "2025-09-30", mrdx: "S30.1XXA")    // line 2: loads
            .Add("F001", "DELETED-AFTER", admit: "2025-09-26", discharge: "2025-10-01", mrdx: "S30.1XXA")     // line 3: K01
            .Add("F001", "BILLABLE-BEFORE", admit: "2025-09-25", discharge: "2025-09-30", mrdx: "B88.0")      // line 4: loads
            .Add("F001", "HEADER-AFTER", admit: "2025-09-26", discharge: "2025-10-01", mrdx: "B88.0")         // line 5: loads, K02 warning
            .Add("F001", "ADDED-BEFORE", admit: "2025-09-25", discharge: "2025-09-30", mrdx: "B88.01")        // line 6: K01
            .Add("F001", "ADDED-AFTER", admit: "2025-09-26", discharge: "2025-10-01", mrdx: "B88.01")         // line 7: loads
            .Add("F001", "UNCHANGED-BEFORE", admit: "2025-09-25", discharge: "2025-09-30", mrdx: "J18.9")     // line 8: loads
            .Add("F001", "UNCHANGED-AFTER", admit: "2025-09-26", discharge: "2025-10-01", mrdx: "J18.9")      // line 9: loads
            .Write(temp.Combine("abstracts.csv"));
        var service = new IngestService(database, new Pseudonymiser(HmacKeyStore.LoadOrCreate(database.DataDirectory)));

        var summary = await service.IngestFileAsync(file, new IngestOptions(), CancellationToken.None);

        Assert.Equal((8, 6, 2), (summary.Received, summary.Loaded, summary.Quarantined));
        var quarantined = QuarantineWriter.ReadAll(database.DataDirectory.QuarantineDirectory)
            .Select(q => (q.GetProperty("line").GetInt64(), q.GetProperty("rule").GetString()))
            .Order()
            .ToList();
        Assert.Equal([(3L, "K01"), (6L, "K01")], quarantined);
        Assert.Equal(1, summary.WarningsByRule["K02"]); // B880 is a header from 2025-10-01 only
        using var connection = database.OpenConnection();
        Assert.Equal("HEADER-AFTER", connection.Scalar<string>("select string_agg(abstract_id) from core.warning_versions where rule_id = 'K02'"));
        Assert.Equal("Contusion of abdominal wall, initial encounter",
            connection.Scalar<string>("select title from marts.fct_diagnoses where abstract_id = 'DELETED-BEFORE' and seq = 1"));
    }
}
