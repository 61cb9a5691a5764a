using HealthStats.Etl.Deidentification;
using HealthStats.Etl.Ingest;
using HealthStats.Etl.Ingest.Validation;
using HealthStats.TestSupport;

namespace HealthStats.Etl.Tests.Ingest;

public sealed class ParallelCheckingTests(TinyClassification classification) : IClassFixture<TinyClassification>, IDisposable
{
    private readonly TempDirectory temp = new("parallel");
    private readonly Pseudonymiser pseudonymiser = new(new byte[32]);

    public void Dispose()
    {
        pseudonymiser.Dispose();
        temp.Dispose();
    }

    [Fact]
    public async Task ReadAsync_ReturnsEveryRecordInFileOrder_AcrossManyChunks()
    {
        var builder = new AbstractFileBuilder();
        for (var i = 0; i < 10_000; i++)
            builder.Add("F001", $"A{i}", mrdx: i % 7 == 0 ? "X99.9" : "J18.9");
        using var source = new HealthStats.Etl.Ingest.Csv.AbstractCsvReader(builder.Write(temp.Combine("many.csv")));

        var lines = new List<long>();
        var rejected = 0;
        await foreach (var record in ParallelChecking.ReadAsync(source, Validator(), new Deidentifier(pseudonymiser), default))
        {
            lines.Add(record.Raw.Line);
            if (record.Result.IsRejected)
            {
                rejected++;
                Assert.Null(record.Landed);
            }
            else
            {
                Assert.Equal(record.Result.Abstract!.AbstractId, record.Landed!.AbstractId);
            }
        }

        Assert.Equal(Enumerable.Range(2, 10_000).Select(i => (long)i), lines);
        Assert.Equal(Enumerable.Range(0, 10_000).Count(i => i % 7 == 0), rejected);
    }

    [Fact]
    public async Task ReadAsync_RethrowsTheReadersError_AfterTheRecordsBeforeIt()
    {
        using var source = new FailingSource(after: 5000);
        var seen = 0;

        var error = await Assert.ThrowsAsync<IOException>(async () =>
        {
            await foreach (var _ in ParallelChecking.ReadAsync(source, Validator(), new Deidentifier(pseudonymiser), default))
                seen++;
        });

        Assert.Equal("disk gone at record 5001", error.Message);
        Assert.True(seen <= 5000);
    }

    [Fact]
    public async Task ReadAsync_StopsTheReader_WhenTheConsumerStopsEarly()
    {
        using var source = new FailingSource(after: int.MaxValue);

        await foreach (var record in ParallelChecking.ReadAsync(source, Validator(), new Deidentifier(pseudonymiser), default))
        {
            if (record.Raw.Line == 100)
                break;
        }

        var readSoFar = source.Reads;
        await Task.Delay(200);
        Assert.Equal(readSoFar, source.Reads); // nothing reads on behind the consumer's back
        Assert.True(readSoFar < 100_000);
    }

    private AbstractValidator Validator() => new(classification.CodeLists, classification.Snapshot);

    /// <summary>A source of valid abstracts that fails like a vanished disk after a number of records.</summary>
    private sealed class FailingSource(int after) : IAbstractSource
    {
        public int Reads { get; private set; }

        public string FileName => "failing.csv";

        public string Format => "csv";

        public RawAbstract? Read()
        {
            if (Reads == after)
                throw new IOException($"disk gone at record {after + 1}");
            Reads++;
            var raw = new RawAbstract
            {
                Line = Reads, RawText = "", FacilityId = "F001", AbstractId = $"A{Reads}", ChartNumber = "C1", Sex = "F",
                BirthDate = "1950-01-01", AdmitDate = "2024-05-01", DischargeDate = "2024-05-03", AdmitCategory = "U",
                DischargeDisposition = "05", CoderId = "C01",
            };
            raw.Diagnoses.Add(("J18.9", "M"));
            return raw;
        }

        public void Dispose()
        {
        }
    }
}
