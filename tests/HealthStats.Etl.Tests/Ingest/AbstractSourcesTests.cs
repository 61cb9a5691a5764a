using System.IO.Compression;
using HealthStats.Etl.Ingest;
using HealthStats.TestSupport;

namespace HealthStats.Etl.Tests.Ingest;

public sealed class AbstractSourcesTests
{
    [Fact]
    public void Open_ReadsAGzippedCsv_TheSameAsThePlainOne()
    {
        using var temp = new TempDirectory("sources");
        var plain = new AbstractFileBuilder().Add("F001", "A1").Add("F001", "A2").Write(temp.Combine("a.csv"));
        var zipped = temp.Combine("a.csv.gz");
        using (var input = File.OpenRead(plain))
        using (var output = new GZipStream(File.Create(zipped), CompressionLevel.Fastest))
            input.CopyTo(output);

        using var source = AbstractSources.Open(zipped, new IngestOptions());
        var ids = new List<string?>();
        while (source.Read() is { } record)
            ids.Add(record.AbstractId);

        Assert.Equal("csv", source.Format);
        Assert.Equal("a.csv.gz", source.FileName);
        Assert.Equal(["A1", "A2"], ids);
    }

    [Theory]
    [InlineData("a.csv", "csv", null)]
    [InlineData("A.CSV.GZ", "csv", null)]
    [InlineData("a.jsonl", "jsonl", null)]
    [InlineData("a.ndjson.gz", "jsonl", null)]
    [InlineData("a.fhir.json", "fhir", true)]
    [InlineData("a.fhir.ndjson", "fhir", false)]
    [InlineData("a.fhir.ndjson.gz", "fhir", false)]
    public void FormatFromName_TellsTheFormat_FromTheFileName(string name, string format, bool? singleBundle) =>
        Assert.Equal((format, singleBundle), AbstractSources.FormatFromName(name));

    [Theory]
    [InlineData("abstracts.txt")]
    [InlineData("abstracts")]
    [InlineData("a.json")]
    public void FormatFromName_SaysNothing_WhenTheNameHasNoKnownExtension(string name) =>
        Assert.Null(AbstractSources.FormatFromName(name));

    [Theory]
    [InlineData("facility_id,abstract_id\n", "csv")]
    [InlineData("\uFEFF\n\n  {\"facility_id\":\"F001\"}\n", "jsonl")]
    [InlineData("{\"resourceType\":\"Bundle\",\"type\":\"collection\"}\n", "fhir")]
    [InlineData("{\n  \"type\": \"collection\",\n  \"resourceType\" : \"Bundle\"\n}\n", "fhir")]
    [InlineData("{\"resourceType\":\"Patient\"}\n", "jsonl")]
    public void Sniff_TellsTheFormat_FromTheFirstObject(string content, string format)
    {
        using var temp = new TempDirectory("sniff");
        var path = temp.Combine("upload.dat");
        File.WriteAllText(path, content);

        Assert.Equal(format, AbstractSources.Sniff(path).Format);
    }

    [Fact]
    public void Open_SniffsAGzippedFile_WhoseNameSaysNothing()
    {
        using var temp = new TempDirectory("sniff");
        var path = temp.Combine("upload.gz");
        using (var output = new GZipStream(File.Create(path), CompressionLevel.Fastest))
            output.Write(System.Text.Encoding.UTF8.GetBytes("{\"facility_id\":\"F001\",\"abstract_id\":\"A1\"}\n"));

        using var source = AbstractSources.Open(path, new IngestOptions());

        Assert.Equal("jsonl", source.Format);
        Assert.Equal("A1", source.Read()?.AbstractId);
    }

    [Fact]
    public void Open_ReadsAnUnnamedFhirFile_AsOneBundle_WhenItsFirstLineIsNotWholeJson()
    {
        using var temp = new TempDirectory("sniff");
        var path = temp.Combine("upload");
        File.WriteAllText(path, FhirBundles.Full().ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));

        using var source = AbstractSources.Open(path, new IngestOptions());
        var record = source.Read();

        Assert.Equal("fhir", source.Format);
        Assert.Equal(("A1", 2L, null), (record?.AbstractId, record?.Line, record?.StructureError));
        Assert.Null(source.Read());
    }
}
