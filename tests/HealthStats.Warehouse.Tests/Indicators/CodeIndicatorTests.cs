using HealthStats.Warehouse.Indicators;
using HealthStats.Warehouse.Tests.Models;

namespace HealthStats.Warehouse.Tests.Indicators;

/// <summary>
/// MRDx and interventions over five stays: F1 has J189 twice, I214 (with interventions 027034Z and 02HV33Z)
/// and N390; F2 has J189 (with 027034Z). Titles come from the built-in starter classification.
/// </summary>
public sealed class CodeIndicatorTests : IDisposable
{
    private readonly ModelWarehouse warehouse = new();

    public CodeIndicatorTests()
    {
        warehouse.Add(new Stay("t1", "p1", "2024-05-01", null, "2024-05-05", null) { Mrdx = "J189", Interventions = ["027034Z"] });
        warehouse.Add(new Stay("t2", "p2", "2024-05-01", null, "2024-05-05", null) { Facility = "F2", Mrdx = "J189" });
        warehouse.Add(new Stay("t3", "p3", "2024-05-01", null, "2024-05-05", null) { Mrdx = "I214", Interventions = ["027034Z", "02HV33Z"], Diagnoses = ["J189:1"] });
        warehouse.Add(new Stay("t4", "p4", "2024-06-01", null, "2024-06-05", null) { Mrdx = "N390" });
        warehouse.Add(new Stay("t5", "p5", "2024-06-01", null, "2024-06-05", null) { Mrdx = "J189" });
        warehouse.Build();
    }

    public void Dispose() => warehouse.Dispose();

    private IndicatorResult Compute(string indicator, string by, int? top = null) =>
        IndicatorLibrary.Compute(warehouse.Database, indicator, new IndicatorRequest { By = by.Split(','), Top = top });

    [Fact]
    public void MrdxDischarges_CountOnlyTheMostResponsibleDiagnosis_AtEachLevel_WithTitles()
    {
        // J189 is also t3's type 1 diagnosis, which does not count.
        Assert.Equal(new Dictionary<string, double?>
        {
            ["I214|Non-ST elevation (NSTEMI) myocardial infarction"] = 1,
            ["J189|Pneumonia, unspecified organism"] = 3,
            ["N390|Urinary tract infection, site not specified"] = 1,
        }, Compute("mrdx_discharges", "code").Values());
        Assert.Equal(new Dictionary<string, double?>
        {
            ["I21|Acute myocardial infarction"] = 1, ["J18|Pneumonia, unspecified organism"] = 3, ["N39|Other disorders of urinary system"] = 1,
        }, Compute("mrdx_discharges", "category").Values());
        Assert.Equal(new Dictionary<string, double?>
        {
            ["I20-I25|Ischaemic heart diseases"] = 1, ["J09-J18|Influenza and pneumonia"] = 3, ["N30-N39|Other diseases of urinary system"] = 1,
        }, Compute("mrdx_discharges", "block").Values());
        Assert.Equal(new Dictionary<string, double?>
        {
            ["IX|Diseases of the circulatory system"] = 1, ["X|Diseases of the respiratory system"] = 3, ["XIV|Diseases of the genitourinary system"] = 1,
        }, Compute("mrdx_discharges", "chapter").Values());
        Assert.Equal(new Dictionary<string, double?> { ["unmapped|"] = 5 }, Compute("mrdx_discharges", "ccsr").Values());
    }

    [Fact]
    public void Top_KeepsTheMostFrequentCodes_WithinEachFacility()
    {
        var overall = Compute("mrdx_discharges", "code", top: 2);
        var byFacility = Compute("mrdx_discharges", "facility,code", top: 1);

        Assert.Equal(["J189", "I214"], overall.Rows.Select(r => r.Dimensions[0].Value));
        Assert.Equal(new Dictionary<string, double?> { ["F1|J189|Pneumonia, unspecified organism"] = 2, ["F2|J189|Pneumonia, unspecified organism"] = 1 }, byFacility.Values());
    }

    [Fact]
    public void Interventions_CountEveryCodedIntervention_ByCodeAndSection()
    {
        var byCode = Compute("interventions", "code");
        var bySection = Compute("interventions", "chapter");

        Assert.Equal([("027034Z", 2.0), ("02HV33Z", 1.0)], byCode.Rows.Select(r => (r.Dimensions[0].Value!, r.Value!.Value)));
        Assert.StartsWith("Dilation of Coronary Artery, One Artery", byCode.Rows[0].Dimensions[1].Value, StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, double?> { ["0|Medical and Surgical"] = 3 }, bySection.Values());
        Assert.Equal(3, Compute("interventions", "block").Rows.Sum(r => r.Value));
    }
}
