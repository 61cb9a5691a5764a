using HealthStats.Warehouse.Indicators;
using HealthStats.Warehouse.Tests.Models;

namespace HealthStats.Warehouse.Tests.Indicators;

/// <summary>
/// MRDx and interventions over five stays, all in fiscal year 2024 (its first quarter), titles from the
/// built-in starter classification:
///
/// | stay | facility | discharged | MRDx | interventions     | region | sex | age (group) | admit |
/// |------|----------|------------|------|-------------------|--------|-----|-------------|-------|
/// | t1   | F1       | 2024-05-05 | J189 | 027034Z           | R1     | F   | 30 (30-34)  | U     |
/// | t2   | F2       | 2024-05-05 | J189 |                   | R1     | M   | 70 (70-74)  | U     |
/// | t3   | F1       | 2024-05-05 | I214 | 027034Z, 02HV33Z  | R2     | M   | 72 (70-74)  | L     |
/// | t4   | F1       | 2024-06-05 | N390 |                   | (none) | F   | 5 (5-9)     | U     |
/// | t5   | F1       | 2024-06-05 | J189 |                   | R2     | F   | 30 (30-34)  | L     |
/// </summary>
public sealed class CodeIndicatorTests : IDisposable
{
    private readonly ModelWarehouse warehouse = new();

    public CodeIndicatorTests()
    {
        warehouse.Add(new Stay("t1", "p1", "2024-05-01", null, "2024-05-05", null) { Mrdx = "J189", Interventions = ["027034Z"], Region = "R1", Sex = "F", Age = 30 });
        warehouse.Add(new Stay("t2", "p2", "2024-05-01", null, "2024-05-05", null) { Facility = "F2", Mrdx = "J189", Region = "R1", Sex = "M", Age = 70 });
        warehouse.Add(new Stay("t3", "p3", "2024-05-01", null, "2024-05-05", null)
        {
            Mrdx = "I214", Interventions = ["027034Z", "02HV33Z"], Diagnoses = ["J189:1"], Region = "R2", Sex = "M", Age = 72, AdmitCategory = "L",
        });
        warehouse.Add(new Stay("t4", "p4", "2024-06-01", null, "2024-06-05", null) { Mrdx = "N390", Sex = "F", Age = 5 });
        warehouse.Add(new Stay("t5", "p5", "2024-06-01", null, "2024-06-05", null) { Mrdx = "J189", Region = "R2", Sex = "F", Age = 30, AdmitCategory = "L" });
        warehouse.Build();
    }

    public void Dispose() => warehouse.Dispose();

    private IndicatorResult Compute(string indicator, string by, int? top = null, params (string Dimension, string Value)[] where) =>
        IndicatorLibrary.Compute(warehouse.Database, indicator, new IndicatorRequest
        {
            By = by.Length == 0 ? [] : by.Split(','),
            Top = top,
            Where = where.Select(w => new KeyValuePair<string, string>(w.Dimension, w.Value)).ToList(),
        });

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

    [Fact]
    public void MrdxDischarges_BreakDownByTheDischargeDimensions_TheDashboardFiltersOn()
    {
        Assert.Equal(new Dictionary<string, double?> { ["2024-05"] = 3, ["2024-06"] = 2 }, Compute("mrdx_discharges", "month").Values());
        Assert.Equal(new Dictionary<string, double?> { ["2024-Q1"] = 5 }, Compute("mrdx_discharges", "quarter").Values());
        Assert.Equal(new Dictionary<string, double?> { ["2024"] = 5 }, Compute("mrdx_discharges", "fiscal_year").Values());
        Assert.Equal(new Dictionary<string, double?> { ["F1"] = 4, ["F2"] = 1 }, Compute("mrdx_discharges", "facility").Values());
        // t4 gave no residence region.
        Assert.Equal(new Dictionary<string, double?> { ["R1"] = 2, ["R2"] = 2, ["unknown"] = 1 }, Compute("mrdx_discharges", "region").Values());
        Assert.Equal(new Dictionary<string, double?> { ["30-34"] = 2, ["5-9"] = 1, ["70-74"] = 2 }, Compute("mrdx_discharges", "age_group").Values());
        Assert.Equal(new Dictionary<string, double?> { ["F"] = 3, ["M"] = 2 }, Compute("mrdx_discharges", "sex").Values());
        Assert.Equal(new Dictionary<string, double?> { ["L"] = 2, ["U"] = 3 }, Compute("mrdx_discharges", "admit_category").Values());
    }

    [Fact]
    public void MrdxDischarges_AreFilteredByEveryDischargeDimension_AtEachLevel()
    {
        // Women admitted urgently: t1 (J189) and t4 (N390).
        Assert.Equal(new Dictionary<string, double?>
        {
            ["J189|Pneumonia, unspecified organism"] = 1, ["N390|Urinary tract infection, site not specified"] = 1,
        }, Compute("mrdx_discharges", "code", null, ("sex", "F"), ("admit_category", "U")).Values());
        // Residents of R2: t3 (IX) and t5 (X).
        Assert.Equal(new Dictionary<string, double?>
        {
            ["IX|Diseases of the circulatory system"] = 1, ["X|Diseases of the respiratory system"] = 1,
        }, Compute("mrdx_discharges", "chapter", null, ("region", "R2")).Values());
        // Two values of one dimension are alternatives: R1 (t1, t2) or no region (t4).
        Assert.Equal(new Dictionary<string, double?>
        {
            ["J18|Pneumonia, unspecified organism"] = 2, ["N39|Other disorders of urinary system"] = 1,
        }, Compute("mrdx_discharges", "category", null, ("region", "R1"), ("region", "unknown")).Values());
        // Aged 70-74 at facility F1 in fiscal 2024, within chapter X: none (t3's MRDx is in IX, t2 is at F2).
        Assert.Empty(Compute("mrdx_discharges", "block", null, ("age_group", "70-74"), ("facility", "F1"), ("fiscal_year", "2024"), ("chapter", "X")).Rows);
        Assert.Equal(new Dictionary<string, double?> { ["I20-I25|Ischaemic heart diseases"] = 1 },
            Compute("mrdx_discharges", "block", null, ("age_group", "70-74"), ("facility", "F1"), ("fiscal_year", "2024")).Values());
    }

    [Fact]
    public void Interventions_BreakDownAndFilterByTheDischargeDimensions_OfTheirAbstract()
    {
        // t1 (R1, F, 30-34, U) coded 027034Z; t3 (R2, M, 70-74, L) coded 027034Z and 02HV33Z.
        Assert.Equal(new Dictionary<string, double?> { ["R1"] = 1, ["R2"] = 2 }, Compute("interventions", "region").Values());
        Assert.Equal(new Dictionary<string, double?> { ["F"] = 1, ["M"] = 2 }, Compute("interventions", "sex").Values());
        Assert.Equal(new Dictionary<string, double?> { ["30-34"] = 1, ["70-74"] = 2 }, Compute("interventions", "age_group").Values());
        Assert.Equal(new Dictionary<string, double?> { ["L"] = 2, ["U"] = 1 }, Compute("interventions", "admit_category").Values());
        Assert.Equal(new Dictionary<string, double?> { ["2024|F1"] = 3 }, Compute("interventions", "fiscal_year,facility").Values());

        Assert.Equal([("027034Z", 1.0), ("02HV33Z", 1.0)],
            Compute("interventions", "code", null, ("sex", "M"), ("admit_category", "L")).Rows.Select(r => (r.Dimensions[0].Value!, r.Value!.Value)));
        Assert.Equal([("027034Z", 1.0)],
            Compute("interventions", "code", null, ("region", "R1"), ("age_group", "30-34"), ("facility", "F1"), ("fiscal_year", "2024")).Rows.Select(r => (r.Dimensions[0].Value!, r.Value!.Value)));
        Assert.Equal(3, Compute("interventions", "", null, ("chapter", "0")).Rows.Single().Value);
        Assert.Empty(Compute("interventions", "block", null, ("sex", "F"), ("region", "R2")).Rows);
    }
}
