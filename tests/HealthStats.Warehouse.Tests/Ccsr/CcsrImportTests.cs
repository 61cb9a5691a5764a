using HealthStats.TestSupport;
using HealthStats.Warehouse.Ccsr;
using HealthStats.Warehouse.Classification;
using HealthStats.Warehouse.Tests.Models;

namespace HealthStats.Warehouse.Tests.Ccsr;

public sealed class CcsrImportTests : IDisposable
{
    private const string Header =
        "ICD-10-CM Code,ICD-10-CM Code Description,CCSR Category,CCSR Category Description,Inpatient Default CCSR (Y/N/X),Outpatient Default CCSR (Y/N/X)";

    private readonly ModelWarehouse warehouse = new();
    private readonly TempDirectory temp = new("ccsr");

    public void Dispose()
    {
        warehouse.Dispose();
        temp.Dispose();
    }

    [Fact]
    public void Marts_GiveTheMrdxDefaultCategoryAndEveryCategory_AfterAnImport()
    {
        var file = Write("DXCCSR_v2099-1_DX_to_CCSR_Mapping.csv",
            Header,
            "J189,\"Pneumonia, unspecified organism\",RSP002,Pneumonia (except that caused by tuberculosis),Y,Y",
            "I214,NSTEMI,CIR009,Acute myocardial infarction,Y,Y",
            "E1122,Type 2 diabetes with diabetic CKD,END005,Diabetes mellitus with complication,Y,Y",
            "E1122,Type 2 diabetes with diabetic CKD,GEN003,Chronic kidney disease,N,N");
        warehouse.Add(new Stay("A1", "p1", "2024-05-01", null, "2024-05-03", null) { Diagnoses = ["E1122:1", "Z999:3"] });

        var result = new CcsrStore(warehouse.Database).Import(file, null, null);
        warehouse.Build();

        Assert.Equal(new CcsrImportResult("v2099-1", 3, 4, 4), result);
        Assert.Equal("RSP002", warehouse.Scalar<string>("select mrdx_ccsr_category from marts.fct_abstracts where abstract_id = 'A1'"));
        Assert.Equal("Pneumonia (except that caused by tuberculosis)", warehouse.Scalar<string>("select mrdx_ccsr_description from marts.fct_abstracts"));
        var rows = warehouse.Rows("select code, ccsr_category, is_inpatient_default from marts.fct_diagnosis_ccsr order by seq, ccsr_category");
        Assert.Equal(["J189 RSP002 True", "E1122 END005 True", "E1122 GEN003 False"],
            rows.Select(r => $"{r["code"]} {r["ccsr_category"]} {r["is_inpatient_default"]}"));
    }

    [Fact]
    public void Marts_HaveNullCcsrColumns_WhenNoCcsrWasImported()
    {
        warehouse.Add(new Stay("A1", "p1", "2024-05-01", null, "2024-05-03", null));
        warehouse.Build();

        Assert.Equal(1L, warehouse.Scalar<long>("select count(*) from marts.fct_abstracts where mrdx_ccsr_category is null and mrdx_ccsr_description is null"));
        Assert.Equal(0L, warehouse.Scalar<long>("select count(*) from marts.fct_diagnosis_ccsr"));
    }

    [Fact]
    public void Import_FailsNamingFileLineAndField_AndKeepsTheEarlierImport_WhenAFlagIsWrong()
    {
        var good = Write("good.csv", Header, "J189,Pneumonia,RSP002,Pneumonia,Y,Y");
        new CcsrStore(warehouse.Database).Import(good, null, "first");
        var bad = Write("bad.csv", Header, "I214,NSTEMI,CIR009,Acute myocardial infarction,Y,Y", "I500,Heart failure,CIR019,Heart failure,Q,Y");

        var error = Assert.Throws<ClassificationFileException>(() => new CcsrStore(warehouse.Database).Import(bad, null, null));

        Assert.Equal((bad, 3, CcsrFiles.InpatientColumn), (error.File, error.Line, error.Field));
        Assert.Contains("expected Y, N or X, found 'Q'", error.Message, StringComparison.Ordinal);
        Assert.Equal("first", new CcsrStore(warehouse.Database).CurrentVersion());
        Assert.Equal(1L, warehouse.Scalar<long>("select count(*) from reference.ccsr_diagnoses"));
    }

    [Fact]
    public void Import_FailsOnTheHeader_WhenTheFileIsNotACcsrMapping()
    {
        var classification = Write("codes.csv", "code,title,billable", "J189,Pneumonia,1");

        var error = Assert.Throws<ClassificationFileException>(() => new CcsrStore(warehouse.Database).Import(classification, null, null));

        Assert.Equal((1, CcsrFiles.CodeColumn), (error.Line, error.Field));
        Assert.Contains("long form", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_FailsNamingTheMappingLine_WhenACategoryIsNotInTheCategoriesFile()
    {
        var mapping = Write("map.csv", Header, "J189,Pneumonia,RSP002,Pneumonia,Y,Y", "I214,NSTEMI,CIR009,Acute myocardial infarction,Y,Y");
        var categories = Write("cats.csv", "CCSR Category,CCSR Category Description", "RSP002,Pneumonia");

        var error = Assert.Throws<ClassificationFileException>(() => new CcsrStore(warehouse.Database).Import(mapping, categories, null));

        Assert.Equal((mapping, 3, CcsrFiles.CategoryColumn), (error.File, error.Line, error.Field));
    }

    [Fact]
    public void Import_FailsNamingBothLines_WhenACodeHasTwoDefaultInpatientCategories()
    {
        var mapping = Write("map.csv", Header, "E1122,Diabetes,END005,Diabetes,Y,Y", "E1122,Diabetes,GEN003,CKD,Y,N");

        var error = Assert.Throws<ClassificationFileException>(() => new CcsrStore(warehouse.Database).Import(mapping, null, null));

        Assert.Equal(3, error.Line);
        Assert.Contains("already has a default inpatient category on line 2", error.Message, StringComparison.Ordinal);
    }

    [SharedDataFact]
    public void Import_ReadsAhrqsV2023Files_WithEveryCodeAndCategory()
    {
        var result = new CcsrStore(warehouse.Database).Import(
            SharedData.Path("ccsr", "DXCCSR_v2023-1_DX_to_CCSR_Mapping.csv"),
            SharedData.Path("ccsr", "DXCCSR_v2023-1_CCSR_Categories.csv"),
            null);
        warehouse.Add(new Stay("A1", "p1", "2024-05-01", null, "2024-05-03", null) { Mrdx = "A000" });
        warehouse.Build();

        Assert.Equal(new CcsrImportResult("v2023-1", 74_549, 86_288, 547), result);
        Assert.Equal("DIG001", warehouse.Scalar<string>("select mrdx_ccsr_category from marts.fct_abstracts"));
        Assert.Equal(2L, warehouse.Scalar<long>("select count(*) from marts.fct_diagnosis_ccsr where code = 'A000'"));
    }

    private string Write(string name, params string[] lines)
    {
        var path = temp.Combine(name);
        File.WriteAllLines(path, lines);
        return path;
    }
}
