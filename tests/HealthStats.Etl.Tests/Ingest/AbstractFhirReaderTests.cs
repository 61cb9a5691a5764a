using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using HealthStats.Etl.Ingest;
using HealthStats.Etl.Ingest.Fhir;
using HealthStats.TestSupport;
using static HealthStats.Etl.Tests.Ingest.FhirBundles;

namespace HealthStats.Etl.Tests.Ingest;

public sealed class AbstractFhirReaderTests
{
    private static List<RawAbstract> Read(string text, bool? singleBundle = null, FhirReaderOptions? options = null)
    {
        using var reader = new AbstractFhirReader(new StringReader(text), "a.fhir", options ?? new FhirReaderOptions(), singleBundle);
        var records = new List<RawAbstract>();
        while (reader.Read() is { } record)
            records.Add(record);
        return records;
    }

    private static RawAbstract ReadOne(JsonObject bundle, FhirReaderOptions? options = null) =>
        Assert.Single(Read(bundle.ToJsonString() + "\n", singleBundle: false, options));

    [Fact]
    public void Read_MapsEveryField_FromAFullBundle()
    {
        var bundle = Full();
        var record = ReadOne(bundle);

        Assert.Null(record.StructureError);
        Assert.Equal(1, record.Line);
        Assert.Equal(bundle.ToJsonString(), record.RawText);
        Assert.Equal<string?>(
            ["F001", "A1", null, "CH-1", "HC-1", "F", "1950-06-15", "K1A 0B1", "R01", "2024-05-01", "08:30", "2024-05-06", "14:00", "U", "02", "F009", "F010", "2", "C01", "2024-05-20"],
            new List<string?>
            {
                record.FacilityId, record.AbstractId, record.Action, record.ChartNumber, record.HealthCardNumber, record.Sex, record.BirthDate,
                record.PostalCode, record.ResidenceRegion, record.AdmitDate, record.AdmitTime, record.DischargeDate, record.DischargeTime,
                record.AdmitCategory, record.DischargeDisposition, record.InstitutionFrom, record.InstitutionTo, record.AlcDays, record.CoderId,
                record.AbstractCompletedDate,
            });
        Assert.Equal([("J18.9", "M"), ("I10", "1")], record.Diagnoses);
        Assert.Equal([("5A1955Z", "2024-05-02"), ("0DTJ4ZZ", "2024-05-03")], record.Interventions);
    }

    [Theory]
    [InlineData("male", "M")]
    [InlineData("female", "F")]
    [InlineData("other", "O")]
    [InlineData("unknown", "U")]
    public void Read_MapsTheGender_ToTheSexCode(string gender, string sex)
    {
        var bundle = Full();
        Resource(bundle, 0)["gender"] = gender;

        Assert.Equal(sex, ReadOne(bundle).Sex);
    }

    [Theory]
    [InlineData(1, "AD", "M")]
    [InlineData(1, "DD", "M")]
    [InlineData(1, "billing", "M")]
    [InlineData(1, "CM", "3")]
    [InlineData(2, "AD", "3")]
    public void Read_DerivesTheDiagnosisType_FromRankAndUse_WhenNoExtensionGivesIt(int rank, string use, string type)
    {
        var bundle = Full();
        Resource(bundle, 1)["diagnosis"] = new JsonArray(Diagnosis("Condition/c1a", null, rank, use));

        Assert.Equal([("J18.9", type)], ReadOne(bundle).Diagnoses);
    }

    [Fact]
    public void Read_TakesTheDiagnosisTypeAndCodes_FromTheConfiguredExtensionAndSystem()
    {
        var bundle = Full();
        var diagnosis = Diagnosis("Condition/c1a", null, 1, "AD");
        diagnosis["extension"] = new JsonArray(new JsonObject { ["url"] = "urn:site:dx-type", ["valueCode"] = "W" });
        Resource(bundle, 1)["diagnosis"] = new JsonArray(diagnosis);

        var record = ReadOne(bundle, new FhirReaderOptions { DiagnosisTypeExtension = "urn:site:dx-type", DiagnosisSystem = "http://example.org/local" });

        Assert.Equal([("LOCAL", "W")], record.Diagnoses);
    }

    [Fact]
    public void Read_TakesTheRegionFromTheAddressDistrict_AndTheAdmitCategoryFromTheExtension()
    {
        var bundle = Full();
        Resource(bundle, 0).Remove("extension");
        Resource(bundle, 1)["extension"]!.AsArray().Add(new JsonObject { ["url"] = Ext + "admit-category", ["valueCode"] = "L" });

        var record = ReadOne(bundle);

        Assert.Equal("R09", record.ResidenceRegion);
        Assert.Equal("L", record.AdmitCategory);
    }

    [Fact]
    public void Read_LeavesTheTimeOut_WhenThePeriodHasOnlyDates()
    {
        var bundle = Full();
        Resource(bundle, 1)["period"] = new JsonObject { ["start"] = "2024-05-01", ["end"] = "2024-05-06" };

        var record = ReadOne(bundle);

        Assert.Equal(("2024-05-01", null, "2024-05-06", null), (record.AdmitDate, record.AdmitTime, record.DischargeDate, record.DischargeTime));
    }

    [Fact]
    public void Read_MarksADeletion_WhenATransactionDeletesTheEncounter()
    {
        var bundle = Full(type: "transaction");
        foreach (var entry in bundle["entry"]!.AsArray())
            entry!["request"] = new JsonObject { ["method"] = "POST", ["url"] = entry["resource"]!["resourceType"]!.GetValue<string>() };
        bundle["entry"]![1]!["request"] = new JsonObject { ["method"] = "DELETE", ["url"] = "Encounter/e1" };

        var record = ReadOne(bundle);

        Assert.Null(record.StructureError);
        Assert.Equal("D", record.Action);
    }

    [Fact]
    public void Read_GivesAStructureError_WhenADiagnosisPointsToAConditionNotInTheBundle()
    {
        var bundle = Full();
        bundle["entry"]!.AsArray().RemoveAt(3);

        var record = ReadOne(bundle);

        Assert.Equal("line 1: Encounter.diagnosis[1].condition points to no Condition in the bundle", record.StructureError);
        Assert.Equal("F001", record.FacilityId);
    }

    [Fact]
    public void Read_GivesAStructureError_WhenTheBundleHasNoEncounter()
    {
        var bundle = Full();
        bundle["entry"]!.AsArray().RemoveAt(1);

        Assert.Equal("line 1: the bundle holds no Encounter", ReadOne(bundle).StructureError);
    }

    [Fact]
    public void Read_GivesAStructureError_WhenTheBundleHasTwoPatients()
    {
        var bundle = Full();
        bundle["entry"]!.AsArray().Add(Entry(Patient("2")));

        Assert.Equal("line 1: the bundle holds 2 Patients where an abstract has one", ReadOne(bundle).StructureError);
    }

    [Fact]
    public void Read_GivesAStructureError_WhenThereAreMoreThan25Diagnoses()
    {
        var bundle = Full();
        Resource(bundle, 1)["diagnosis"] = new JsonArray(Enumerable.Range(1, 26).Select(i => (JsonNode)Diagnosis("Condition/c1b", "3", i, "CM")).ToArray());

        var record = ReadOne(bundle);

        Assert.Equal("line 1: Encounter.diagnosis has 26 entries where at most 25 are allowed", record.StructureError);
    }

    [Theory]
    [InlineData("birthDate", "\"1950-13-45\"", "1950-13-45")]
    [InlineData("birthDate", "19500615", "19500615")]
    [InlineData("gender", "4165550199", "4165550199")]
    public void Read_NamesWhereButNotTheValue_WhenTheFhirLibraryRefusesAValue(string element, string json, string value)
    {
        var bundle = Full();
        Resource(bundle, 0)[element] = JsonNode.Parse(json);

        var record = ReadOne(bundle);

        Assert.NotNull(record.StructureError);
        Assert.StartsWith($"line 1: Bundle.entry[0].resource.{element}: ", record.StructureError, StringComparison.Ordinal);
        Assert.DoesNotContain(value, record.StructureError, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_GivesAStructureErrorNamingTheLine_WhenALineIsNotJson_AndReadsOn()
    {
        var records = Read(Full().ToJsonString() + "\n\n{\"resourceType\":\"Bundle\",\n" + Full("2").ToJsonString() + "\n", singleBundle: false);

        Assert.Equal([1L, 3L, 4L], records.Select(r => r.Line));
        Assert.Null(records[0].StructureError);
        Assert.StartsWith("line 3: not valid JSON", records[1].StructureError, StringComparison.Ordinal);
        Assert.Equal("A2", records[2].AbstractId);
    }

    [Fact]
    public void Read_GroupsEachEncountersResources_InASingleBundleOfMany()
    {
        var first = Full("1");
        var second = Full("2");
        Resource(second, 2)["code"] = new JsonObject { ["coding"] = new JsonArray(Coding(Icd10Cm, "J44.1")) };
        var entries = first["entry"]!.AsArray().Select(e => e!.DeepClone()).Concat(second["entry"]!.AsArray().Select(e => e!.DeepClone())).ToList();
        // Interleave: the second abstract's Procedures come before everything, so grouping must follow references.
        var many = new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["type"] = "collection",
            ["entry"] = new JsonArray([.. entries.Skip(10), .. entries.Take(10)]),
        };

        var records = Read(many.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));

        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Null(r.StructureError));
        var a1 = records.Single(r => r.AbstractId == "A1");
        var a2 = records.Single(r => r.AbstractId == "A2");
        Assert.Equal(4, a1.Line); // the Encounter is entry[3]
        Assert.Equal(("CH-1", "CH-2"), (a1.ChartNumber, a2.ChartNumber));
        Assert.Equal([("J44.1", "M"), ("I10", "1")], a2.Diagnoses);
        Assert.Equal([("5A1955Z", "2024-05-02"), ("0DTJ4ZZ", "2024-05-03")], a2.Interventions);
        var raw = JsonNode.Parse(a2.RawText)!;
        Assert.Equal(6, raw["entry"]!.AsArray().Count);
        Assert.DoesNotContain("CH-1", a2.RawText, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_QuarantinesOnlyTheAbstractWithADanglingReference_InASingleBundle()
    {
        var first = Full("1");
        var second = Full("2");
        second["entry"]!.AsArray().RemoveAt(2);
        var many = new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["type"] = "collection",
            ["entry"] = new JsonArray([.. first["entry"]!.AsArray().Select(e => e!.DeepClone()), .. second["entry"]!.AsArray().Select(e => e!.DeepClone())]),
        };

        var records = Read(many.ToJsonString(), singleBundle: true);

        Assert.Null(records.Single(r => r.AbstractId == "A1").StructureError);
        Assert.Equal("entry[7]: Encounter.diagnosis[0].condition points to no Condition in the bundle", records.Single(r => r.AbstractId == "A2").StructureError);
    }

    [Fact]
    public void Read_QuarantinesOnlyTheAbstractWhoseEntryTheLibraryRefuses_InASingleBundle()
    {
        var first = Full("1");
        var second = Full("2");
        Resource(second, 0)["birthDate"] = 19500615;
        var many = new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["type"] = "collection",
            ["entry"] = new JsonArray([.. first["entry"]!.AsArray().Select(e => e!.DeepClone()), .. second["entry"]!.AsArray().Select(e => e!.DeepClone())]),
        };

        var records = Read(many.ToJsonString(), singleBundle: true);

        Assert.Null(records.Single(r => r.AbstractId == "A1").StructureError);
        var refused = records.Single(r => r.AbstractId == "A2");
        Assert.StartsWith("entry[6]: Bundle.entry[6].resource.birthDate: ", refused.StructureError, StringComparison.Ordinal);
        Assert.Equal("CH-2", refused.ChartNumber);
        Assert.Null(refused.BirthDate);
    }

    [Fact]
    public void Read_GivesOneStructureError_WhenASingleBundleIsNotJson()
    {
        var record = Assert.Single(Read("{\n  \"resourceType\": \"Bundle\",\n  \"entry\": [\n", singleBundle: true));

        Assert.StartsWith("the file is not valid JSON", record.StructureError, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_RefusesASingleBundle_LargerThanTheLimit()
    {
        using var temp = new TempDirectory("fhir");
        var path = temp.Combine("big.fhir.json");
        File.WriteAllText(path, Full().ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        var options = new IngestOptions { Fhir = new FhirReaderOptions { MaxSingleBundleChars = 1000 } };

        var error = Assert.Throws<AbstractFormatException>(() => AbstractSources.Open(path, options).Dispose());

        Assert.Contains("big.fhir.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("larger than the limit of 1,000 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_ReadsAGzippedFhirNdjsonFile()
    {
        using var temp = new TempDirectory("fhir");
        var path = temp.Combine("a.fhir.ndjson.gz");
        using (var output = new GZipStream(File.Create(path), CompressionLevel.Fastest))
            output.Write(Encoding.UTF8.GetBytes(Full("1").ToJsonString() + "\n" + Full("2").ToJsonString() + "\n"));

        using var source = AbstractSources.Open(path, new IngestOptions());
        var ids = new List<string?>();
        while (source.Read() is { } record)
            ids.Add(record.AbstractId);

        Assert.Equal("fhir", source.Format);
        Assert.Equal(["A1", "A2"], ids);
    }
}
