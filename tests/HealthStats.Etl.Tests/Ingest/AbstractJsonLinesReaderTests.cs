using System.IO.Compression;
using System.Text;
using HealthStats.Etl.Ingest;
using HealthStats.Etl.Ingest.JsonLines;
using HealthStats.TestSupport;

namespace HealthStats.Etl.Tests.Ingest;

public sealed class AbstractJsonLinesReaderTests
{
    private const string Valid =
        """{"facility_id":"F001","abstract_id":"A1","action":"A","chart_number":"CH-1","health_card_number":"HC-2","sex":"F","birth_date":"1950-06-15","postal_code":"K1A 0B1","residence_region":"R01","admit_date":"2024-05-01","admit_time":"08:30","discharge_date":"2024-05-06","discharge_time":"14:00","admit_category":"U","discharge_disposition":"05","institution_from":"F009","institution_to":null,"alc_days":"2","coder_id":"C01","abstract_completed_date":"2024-05-20","diagnoses":[{"code":"J18.9","type":"M"},{"code":"I10","type":"1"},{"code":"E11.9","type":"3"}],"interventions":[{"code":"5A1955Z","date":"2024-05-02"}]}""";

    private static List<RawAbstract> Read(string text, bool ignoreUnknown = false)
    {
        using var reader = new AbstractJsonLinesReader(new StringReader(text), "a.jsonl", ignoreUnknown);
        var records = new List<RawAbstract>();
        while (reader.Read() is { } record)
            records.Add(record);
        return records;
    }

    [Fact]
    public void Read_MapsEveryField_WhenTheLineIsValid()
    {
        var record = Assert.Single(Read(Valid + "\n"));

        Assert.Null(record.StructureError);
        Assert.Equal(1, record.Line);
        Assert.Equal(Valid, record.RawText);
        Assert.Equal<string?>(
            ["F001", "A1", "A", "CH-1", "HC-2", "F", "1950-06-15", "K1A 0B1", "R01", "2024-05-01", "08:30", "2024-05-06", "14:00", "U", "05", "F009", null, "2", "C01", "2024-05-20"],
            new List<string?>
            {
                record.FacilityId, record.AbstractId, record.Action, record.ChartNumber, record.HealthCardNumber, record.Sex, record.BirthDate,
                record.PostalCode, record.ResidenceRegion, record.AdmitDate, record.AdmitTime, record.DischargeDate, record.DischargeTime,
                record.AdmitCategory, record.DischargeDisposition, record.InstitutionFrom, record.InstitutionTo, record.AlcDays, record.CoderId,
                record.AbstractCompletedDate,
            });
        Assert.Equal([("J18.9", "M"), ("I10", "1"), ("E11.9", "3")], record.Diagnoses);
        Assert.Equal([("5A1955Z", "2024-05-02")], record.Interventions);
    }

    [Fact]
    public void Read_MatchesNamesCaseInsensitively_AndTakesAlcDaysAsANumber()
    {
        var record = Assert.Single(Read("""{"Facility_ID":"F001","ALC_DAYS":3,"Diagnoses":[{"CODE":"J18.9","Type":"M"}]}"""));

        Assert.Null(record.StructureError);
        Assert.Equal("F001", record.FacilityId);
        Assert.Equal("3", record.AlcDays);
        Assert.Equal([("J18.9", "M")], record.Diagnoses);
    }

    [Fact]
    public void Read_GivesAStructureErrorNamingTheLine_WhenALineIsNotJson()
    {
        var records = Read(Valid + "\n{\"facility_id\":\"F001\",\n" + Valid + "\n");

        Assert.Equal(3, records.Count);
        Assert.Null(records[0].StructureError);
        Assert.StartsWith("line 2: not valid JSON", records[1].StructureError, StringComparison.Ordinal);
        Assert.Equal("{\"facility_id\":\"F001\",", records[1].RawText);
        Assert.Null(records[2].StructureError);
    }

    [Theory]
    [InlineData("[1,2]", "line 1: not a JSON object but an array")]
    [InlineData("\"text\"", "line 1: not a JSON object but a string")]
    public void Read_GivesAStructureError_WhenALineIsNotAnObject(string line, string error) =>
        Assert.Equal(error, Assert.Single(Read(line)).StructureError);

    [Theory]
    [InlineData("""{"sex":1}""", "line 1, field 'sex': must be a string, not a number")]
    [InlineData("""{"sex":true}""", "line 1, field 'sex': must be a string, not a boolean")]
    [InlineData("""{"alc_days":[]}""", "line 1, field 'alc_days': must be a string or a number, not an array")]
    [InlineData("""{"diagnoses":{"code":"J18.9"}}""", "line 1, field 'diagnoses': must be an array, not an object")]
    [InlineData("""{"diagnoses":["J18.9"]}""", "line 1, field 'diagnoses[0]': must be an object, not a string")]
    [InlineData("""{"interventions":[{"code":"X","date":20240502}]}""", "line 1, field 'interventions[0].date': must be a string, not a number")]
    [InlineData("""{"sex":"F","SEX":"M"}""", "line 1, field 'SEX': appears twice")]
    public void Read_GivesAStructureErrorNamingTheField_WhenAValueHasTheWrongKind(string line, string error)
    {
        var record = Assert.Single(Read(line));

        Assert.Equal(error, record.StructureError);
    }

    [Fact]
    public void Read_KeepsTheFieldsItCouldRead_WhenAnotherFieldIsWrong()
    {
        var record = Assert.Single(Read("""{"facility_id":"F001","sex":5,"abstract_id":"A1"}"""));

        Assert.NotNull(record.StructureError);
        Assert.Equal("F001", record.FacilityId);
        Assert.Equal("A1", record.AbstractId);
    }

    [Fact]
    public void Read_RejectsAnUnknownProperty_UnlessTold()
    {
        const string line = """{"facility_id":"F001","favourite_colour":"blue","diagnoses":[{"code":"J18.9","type":"M","note":"x"}]}""";

        Assert.Equal("line 1, field 'favourite_colour': is not a field of the abstracts layout (pass --ignore-unknown-columns to read it anyway)",
            Assert.Single(Read(line)).StructureError);
        var ignored = Assert.Single(Read(line, ignoreUnknown: true));
        Assert.Null(ignored.StructureError);
        Assert.Equal([("J18.9", "M")], ignored.Diagnoses);
    }

    [Fact]
    public void Read_GivesAStructureError_WhenThereAreTooManyDiagnosesOrInterventions()
    {
        var diagnoses = string.Join(',', Enumerable.Range(0, 26).Select(i => $"{{\"code\":\"J18.{i}\",\"type\":\"3\"}}"));
        var interventions = string.Join(',', Enumerable.Range(0, 21).Select(i => $"{{\"code\":\"X{i}\",\"date\":\"2024-05-02\"}}"));

        var records = Read($"{{\"diagnoses\":[{diagnoses}]}}\n{{\"interventions\":[{interventions}]}}\n");

        Assert.Equal("line 1, field 'diagnoses': has 26 entries where at most 25 are allowed", records[0].StructureError);
        Assert.Equal("line 2, field 'interventions': has 21 entries where at most 20 are allowed", records[1].StructureError);
    }

    [Fact]
    public void Read_SkipsABomAndBlankLines_AndTakesCrlf_KeepingFileLineNumbers()
    {
        var records = Read("\uFEFF" + Valid + "\r\n\r\n   \r\n" + Valid.Replace("\"A1\"", "\"A2\"", StringComparison.Ordinal) + "\r\n");

        Assert.Equal([1L, 4L], records.Select(r => r.Line));
        Assert.Equal(["A1", "A2"], records.Select(r => r.AbstractId));
        Assert.All(records, r => Assert.Null(r.StructureError));
        Assert.DoesNotContain('\r', records[1].RawText);
    }

    [Fact]
    public void Open_ReadsAGzippedJsonLinesFile()
    {
        using var temp = new TempDirectory("jsonl");
        var path = temp.Combine("a.jsonl.gz");
        using (var output = new GZipStream(File.Create(path), CompressionLevel.Fastest))
            output.Write(Encoding.UTF8.GetBytes(Valid + "\n" + Valid.Replace("\"A1\"", "\"A2\"", StringComparison.Ordinal) + "\n"));

        using var source = AbstractSources.Open(path, new IngestOptions());
        var ids = new List<string?>();
        while (source.Read() is { } record)
            ids.Add(record.AbstractId);

        Assert.Equal("jsonl", source.Format);
        Assert.Equal(["A1", "A2"], ids);
    }
}
