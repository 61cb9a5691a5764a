using HealthStats.TestSupport;
using HealthStats.Warehouse.Classification;
using HealthStats.Warehouse.Reference;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Tests.Ingest;

/// <summary>A real DuckDB file holding a few codes as an imported classification: what validation reads.</summary>
public sealed class TinyClassification : IDisposable
{
    private readonly TempDirectory temp = new("tiny-classification");

    public TinyClassification()
    {
        var database = new WarehouseDatabase(new DataDirectory(temp.Path));
        database.Initialize();
        var store = new ClassificationStore(database);
        store.Import(new ClassificationImport(ClassificationKind.Diagnosis, "TEST-DX", new DateOnly(2000, 1, 1), null, "test"),
        [
            new("J189", "Pneumonia, unspecified organism", true),
            new("J18", "Pneumonia, unspecified organism (category)", false),
            new("J441", "Chronic obstructive pulmonary disease with (acute) exacerbation", true),
            new("I10", "Essential (primary) hypertension", true),
            new("E119", "Type 2 diabetes mellitus without complications", true),
            new("B8801", "Infestation by Demodex mites", true),
        ]);
        // A newer version without B8801: that code is valid only for discharges before 2025-10-01.
        store.Import(new ClassificationImport(ClassificationKind.Diagnosis, "TEST-DX-2", new DateOnly(2025, 10, 1), null, "test"),
        [
            new("J189", "Pneumonia, unspecified organism", true),
            new("J441", "Chronic obstructive pulmonary disease with (acute) exacerbation", true),
            new("I10", "Essential (primary) hypertension", true),
            new("E119", "Type 2 diabetes mellitus without complications", true),
        ]);
        store.Import(new ClassificationImport(ClassificationKind.Intervention, "TEST-PX", new DateOnly(2000, 1, 1), null, "test"),
        [
            new("0DTJ4ZZ", "Resection of Appendix, Percutaneous Endoscopic Approach", true),
            new("5A1955Z", "Respiratory Ventilation, Greater than 96 Consecutive Hours", true),
        ]);
        Snapshot = store.LoadSnapshot();
        using var connection = database.OpenConnection();
        CodeLists = CodeLists.Load(connection);
    }

    public ClassificationSnapshot Snapshot { get; }

    public CodeLists CodeLists { get; }

    public void Dispose() => temp.Dispose();
}
