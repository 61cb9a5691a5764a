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
}
