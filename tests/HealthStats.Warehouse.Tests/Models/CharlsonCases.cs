namespace HealthStats.Warehouse.Tests.Models;

/// <summary>Abstracts with known Charlson conditions (Quan 2005 ICD-10 codes), built once for the class.</summary>
public sealed class CharlsonCases : IDisposable
{
    /// <summary>Abstract id, MRDx, other diagnoses (code:type), expected index (Charlson weights, hierarchy applied).</summary>
    public static readonly TheoryData<string, string, string[], int> Cases = new()
    {
        { "none", "J189", [], 0 },
        { "mi-chf", "I214", ["I500:1"], 2 },
        { "mi-twice", "J189", ["I214:1", "I252:3"], 1 },
        { "dm-under-dmc", "J189", ["E119:1", "E1122:1"], 2 },
        { "mld-under-msld", "J189", ["K703:1", "I850:3"], 3 },
        { "mal-under-mst", "C341", ["C780:1"], 6 },
        { "mrdx-counts", "C509", [], 2 },
        { "post-admit-left-out", "J189", ["I214:2", "I500:2"], 0 },
        { "service-transfer-counts", "J189", ["I639:W"], 1 },
        { "heavy", "J189", ["B20:1", "G819:1", "N185:3", "F03:1", "J449:1"], 12 },
        { "renal-and-stroke", "I120", ["I639:1"], 3 },
        { "near-misses", "J189", ["K761:1", "I421:1", "E1010:1", "C44:1", "C7A:3"], 1 },
    };

    public CharlsonCases()
    {
        foreach (var data in Cases)
        {
            var (id, mrdx, others) = ((string)data[0], (string)data[1], (string[])data[2]);
            Warehouse.Add(new Stay(id, "p-" + id, "2024-05-01", null, "2024-05-03", null) { Mrdx = mrdx, Diagnoses = others });
        }
        Warehouse.Build();
    }

    public ModelWarehouse Warehouse { get; } = new();

    public void Dispose() => Warehouse.Dispose();
}
