using System.Diagnostics;
using HealthStats.TestSupport;
using HealthStats.Warehouse.Classification;

namespace HealthStats.Warehouse.Tests.Classification;

/// <summary>
/// The FY2026 ICD-10-CM and ICD-10-PCS order files imported once into a real warehouse file, on first use (so that
/// the class skips cleanly where ../shared/data is absent).
/// </summary>
public sealed class CmsOrderImportFixture : IDisposable
{
    public static readonly DateOnly Fy2026 = new(2025, 10, 1);

    private readonly Lazy<Imported> imported;
    private TestWarehouse? warehouse;

    public CmsOrderImportFixture() => imported = new Lazy<Imported>(Import);

    internal TestWarehouse Warehouse => imported.Value.Warehouse;

    public TimeSpan DiagnosisImportTime => imported.Value.DiagnosisTime;

    public TimeSpan InterventionImportTime => imported.Value.InterventionTime;

    public int DiagnosisCount => imported.Value.DiagnosisCount;

    public int InterventionCount => imported.Value.InterventionCount;

    public void Dispose() => warehouse?.Dispose();

    private Imported Import()
    {
        warehouse = new TestWarehouse();
        warehouse.Store.EnsureStructure(); // once per warehouse, outside the timed import
        var cm = SharedData.Path("icd10cm", "icd10cm_order_2026.txt");
        var pcs = SharedData.Path("icd10pcs", "icd10pcs_order_2026.txt");

        var clock = Stopwatch.StartNew();
        var diagnoses = warehouse.Store.Import(
            new ClassificationImport(ClassificationKind.Diagnosis, "2026", Fy2026, null, Path.GetFileName(cm)),
            ClassificationFiles.Read(cm, null));
        var diagnosisTime = clock.Elapsed;

        clock.Restart();
        var interventions = warehouse.Store.Import(
            new ClassificationImport(ClassificationKind.Intervention, "2026", Fy2026, null, Path.GetFileName(pcs)),
            ClassificationFiles.ReadCmsOrder(pcs));
        return new Imported(warehouse, diagnoses, diagnosisTime, interventions, clock.Elapsed);
    }

    private sealed record Imported(TestWarehouse Warehouse, int DiagnosisCount, TimeSpan DiagnosisTime, int InterventionCount, TimeSpan InterventionTime);
}
