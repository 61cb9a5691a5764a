using HealthStats.TestSupport;
using HealthStats.Warehouse.Classification;
using HealthStats.Warehouse.CodeEdits;
using HealthStats.Warehouse.Reference;

namespace HealthStats.Warehouse.Tests.CodeEdits;

public sealed class CodeEditFilesTests : IDisposable
{
    private const string CsvHeader = "edit_type,code_kind,code,effective_from,effective_to";
    private const string MceHeader = "MCE_Version\tICD_Version\tMCE_Section\tMCE_Subsection\tMCE_Edit_Type\tICD_Code_Type\tICD_Code\tICD_Desc";

    private readonly TempDirectory temp = new("edit-files");

    public void Dispose() => temp.Dispose();

    private string Write(string name, params string[] lines)
    {
        var path = temp.Combine(name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    [SharedDataFact]
    public void ReadMce_ReadsEveryEditHealthStatsRuns_FromTheCmsV37File()
    {
        var path = SharedData.Path("mce", "MCE_Simple_Code_Edits_v37_FY2020.txt");

        var file = CodeEditFiles.ReadMce(path);

        Assert.Equal(37, file.MceVersion);
        Assert.Equal(153, file.Skipped); // sections 11A, 11F, 17A, 18 and 19: coverage, not coding
        var counts = file.Edits.GroupBy(e => (e.Type, e.Kind)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(41, counts[(CodeEditTypes.NewbornOnly, ClassificationKind.Diagnosis)]);
        Assert.Equal(114, counts[(CodeEditTypes.PediatricOnly, ClassificationKind.Diagnosis)]);
        Assert.Equal(2372, counts[(CodeEditTypes.MaternityOnly, ClassificationKind.Diagnosis)]);
        Assert.Equal(771, counts[(CodeEditTypes.AdultOnly, ClassificationKind.Diagnosis)]);
        Assert.Equal(3135, counts[(CodeEditTypes.FemaleOnly, ClassificationKind.Diagnosis)]);
        Assert.Equal(2294, counts[(CodeEditTypes.FemaleOnly, ClassificationKind.Intervention)]);
        Assert.Equal(529, counts[(CodeEditTypes.MaleOnly, ClassificationKind.Diagnosis)]);
        Assert.Equal(1916, counts[(CodeEditTypes.MaleOnly, ClassificationKind.Intervention)]);
        Assert.Equal(395, counts[(CodeEditTypes.Manifestation, ClassificationKind.Diagnosis)]);
        Assert.Equal(27, counts[(CodeEditTypes.QuestionableAdmission, ClassificationKind.Diagnosis)]);
        Assert.Equal(2406, counts[(CodeEditTypes.UnacceptableMrdx, ClassificationKind.Diagnosis)]);
        Assert.All(file.Edits, e => Assert.Equal(new DateOnly(2019, 10, 1), e.From));
        Assert.Contains(file.Edits, e => e.Type == CodeEditTypes.MaleOnly && e.Code == "N400");
    }

    [Theory]
    [InlineData(33, "2015-10-01")]
    [InlineData(37, "2019-10-01")]
    [InlineData(43, "2025-10-01")]
    public void MceEffectiveFrom_IsOctoberFirst_BeforeTheFiscalYearOfTheVersion(int version, string from)
    {
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), CodeEditFiles.MceEffectiveFrom(version));
    }

    [Fact]
    public void ReadCsv_StoresCodesAsTheClassificationDoes_WithTheirDates()
    {
        var file = CodeEditFiles.ReadCsv(Write("site.csv", CsvHeader,
            "male_only,diagnosis,n40.0,2024-04-01,", "FEMALE_ONLY,Intervention,0UL70ZZ,2024-04-01,2025-03-31"));

        Assert.Equal(
            ["MaleOnly Diagnosis N400 2024-04-01 open", "FemaleOnly Intervention 0UL70ZZ 2024-04-01 2025-03-31"],
            file.Edits.Select(e => $"{e.Type} {e.Kind} {e.Code} {e.From:yyyy-MM-dd} {(e.To is { } to ? to.ToString("yyyy-MM-dd") : "open")}"));
    }

    [Theory]
    [InlineData("sex_only,diagnosis,N40.0,2024-04-01,", 2, "edit_type", "'sex_only' is not an edit type")]
    [InlineData("male_only,procedure,N40.0,2024-04-01,", 2, "code_kind", "'procedure' is not diagnosis or intervention")]
    [InlineData("adult_only,intervention,0UL70ZZ,2024-04-01,", 2, "code_kind", "adult_only lists diagnoses only")]
    [InlineData("male_only,diagnosis,,2024-04-01,", 2, "code", "the code is empty")]
    [InlineData("male_only,diagnosis,N40#0,2024-04-01,", 2, "code", "is not a code")]
    [InlineData("male_only,diagnosis,N40.0,01/04/2024,", 2, "effective_from", "is not a date written yyyy-MM-dd")]
    [InlineData("male_only,diagnosis,N40.0,2024-04-01,2024-03-31", 2, "effective_to", "is before effective_from")]
    public void ReadCsv_NamesFileLineAndField_WhenARowIsWrong(string row, int line, string field, string problem)
    {
        var path = Write("bad.csv", CsvHeader, row);

        var error = Assert.Throws<ReferenceFileException>(() => CodeEditFiles.ReadCsv(path));

        Assert.Equal(path, error.File);
        Assert.Equal(line, error.Line);
        Assert.Equal(field, error.Field);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCsv_NamesBothLines_WhenACodeIsListedTwice()
    {
        var path = Write("twice.csv", CsvHeader, "male_only,diagnosis,N40.0,2024-04-01,", "male_only,diagnosis,N400,2024-04-01,");

        var error = Assert.Throws<ReferenceFileException>(() => CodeEditFiles.ReadCsv(path));

        Assert.Equal(3, error.Line);
        Assert.Contains("already at line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCsv_RefusesAnUnknownColumn_InTheHeader()
    {
        var path = Write("cols.csv", CsvHeader + ",title", "male_only,diagnosis,N40.0,2024-04-01,,BPH");

        var error = Assert.Throws<ReferenceFileException>(() => CodeEditFiles.ReadCsv(path));

        Assert.Equal((1, "title"), (error.Line, error.Field));
    }

    [Theory]
    [InlineData("37\t10\t5\tC\tMale_Only\tD", 2, null, "expected 8 tab-separated fields")]
    [InlineData("3x\t10\t5\tC\tMale_Only\tD\tN400\tBPH", 2, "MCE_Version", "is not an MCE version")]
    [InlineData("31\t9\t5\tC\tMale_Only\tD\t600\tBPH", 2, "ICD_Version", "only ICD-10 edits")]
    [InlineData("37\t10\t5\tC\tMales\tD\tN400\tBPH", 2, "MCE_Edit_Type", "'Males' is not an MCE edit type")]
    [InlineData("37\t10\t5\tC\tMale_Only\tX\tN400\tBPH", 2, "ICD_Code_Type", "'X' is not D (diagnosis) or P (procedure)")]
    [InlineData("37\t10\t4\tA\tNewborn_Only\tP\t0VTTXZZ\tx", 2, "ICD_Code_Type", "Newborn_Only lists diagnoses only")]
    [InlineData("37\t10\t5\tC\tMale_Only\tD\t\tBPH", 2, "ICD_Code", "the code is empty")]
    public void ReadMce_NamesFileLineAndField_WhenALineIsWrong(string row, int line, string? field, string problem)
    {
        var path = Write("bad.txt", MceHeader, row);

        var error = Assert.Throws<ReferenceFileException>(() => CodeEditFiles.ReadMce(path));

        Assert.Equal((path, line, field), (error.File, error.Line, error.Field));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadMce_RefusesTwoVersionsInOneFile()
    {
        var path = Write("two.txt", MceHeader, "36\t10\t5\tC\tMale_Only\tD\tN400\tBPH", "37\t10\t5\tC\tMale_Only\tD\tN401\tBPH");

        var error = Assert.Throws<ReferenceFileException>(() => CodeEditFiles.ReadMce(path));

        Assert.Equal((3, "MCE_Version"), (error.Line, error.Field));
    }

    [Fact]
    public void ReadMce_RefusesAHeaderThatIsNotTheMceLayout()
    {
        var path = Write("csv.txt", CsvHeader, "male_only,diagnosis,N40.0,2024-04-01,");

        var error = Assert.Throws<ReferenceFileException>(() => CodeEditFiles.ReadMce(path));

        Assert.Equal(1, error.Line);
        Assert.Contains("column 1 of the header must be MCE_Version", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sniff_TellsTheMceLayout_FromACsv()
    {
        Assert.Equal(CodeEditFormat.Mce, CodeEditFiles.Sniff(Write("a.txt", MceHeader, "37\t10\t5\tC\tMale_Only\tD\tN400\tBPH")));
        Assert.Equal(CodeEditFormat.Csv, CodeEditFiles.Sniff(Write("b.csv", CsvHeader)));
    }
}
