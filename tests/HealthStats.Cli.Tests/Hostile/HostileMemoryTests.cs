using System.IO.Compression;
using System.Text;
using System.Text.Json;
using HealthStats.TestSupport;
using Xunit.Abstractions;

namespace HealthStats.Cli.Tests.Hostile;

/// <summary>
/// The hostile files too big to keep, written at test time and ingested by the real command in a child
/// process: each must end within the time limit with a clear outcome, and the process's peak memory
/// must stay under the ceiling, whatever the file's size.
/// </summary>
public sealed class HostileMemoryTests(ITestOutputHelper output) : IDisposable
{
    private const long MemoryCeiling = 500L << 20;
    private static readonly TimeSpan TimeLimit = TimeSpan.FromMinutes(3);

    private const string Header =
        "facility_id,abstract_id,action,chart_number,health_card_number,sex,birth_date,postal_code,residence_region," +
        "admit_date,admit_time,discharge_date,discharge_time,admit_category,discharge_disposition,institution_from,institution_to," +
        "alc_days,coder_id,abstract_completed_date,dx_1_code,dx_1_type";

    private readonly TempDirectory temp = new("hostile-memory");

    public void Dispose() => temp.Dispose();

    private static string Row(int n) =>
        $"F001,A{n},A,CHART-{n},HCN-{n},F,1950-06-15,K1A 0B1,R01,2024-05-01,08:30,2024-05-06,14:00,U,05,,,0,C01,2024-05-20,J18.9,M";

    private async Task<(PeakMemoryRun Run, JsonElement Totals)> IngestAsync(string file, params string[] extra)
    {
        var run = await PeakMemoryRun.RunAsync(TimeLimit, ["ingest", file, "--data", temp.Combine("data"), "--json", .. extra]);
        output.WriteLine($"{Path.GetFileName(file)} ({new FileInfo(file).Length:N0} bytes): exit {run.ExitCode}, " +
            $"peak {run.PeakBytes / (1 << 20):N0} MB, {run.Elapsed.TotalSeconds:N1} s\n{run.Error}");
        Assert.InRange(run.PeakBytes, 1, MemoryCeiling);
        var totals = JsonDocument.Parse(run.Out).RootElement.Clone();
        Assert.Equal(totals.GetProperty("received").GetInt32(), totals.GetProperty("loaded").GetInt32() + totals.GetProperty("quarantined").GetInt32());
        return (run, totals);
    }

    [Fact]
    public async Task Ingest_QuarantinesTheLine_InBoundedMemory_WhenALineIs100MB()
    {
        var file = temp.Combine("long-line.csv");
        using (var writer = new StreamWriter(file, false, new UTF8Encoding(false)))
        {
            writer.Write($"{Header}\n{Row(1)}\n");
            var chunk = new string('A', 1 << 20);
            for (var i = 0; i < 100; i++)
                writer.Write(chunk);
            writer.Write($"\n{Row(3)}\n");
        }

        var (run, totals) = await IngestAsync(file);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal((2, 1), (totals.GetProperty("loaded").GetInt32(), totals.GetProperty("quarantined").GetInt32()));
        Assert.Equal(1, totals.GetProperty("quarantined_by_reason").GetProperty("S01").GetInt32());
    }

    [Fact]
    public async Task Ingest_QuarantinesTheLine_InBoundedMemory_WhenAJsonLineIs100MB()
    {
        var file = temp.Combine("long-line.jsonl");
        using (var writer = new StreamWriter(file, false, new UTF8Encoding(false)))
        {
            writer.Write("{\"facility_id\":\"");
            var chunk = new string('A', 1 << 20);
            for (var i = 0; i < 100; i++)
                writer.Write(chunk);
            writer.Write("\"}\n");
        }

        var (run, totals) = await IngestAsync(file);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(1, totals.GetProperty("quarantined_by_reason").GetProperty("S01").GetInt32());
    }

    [Fact]
    public async Task Ingest_ReadsEveryRow_InBoundedMemory_WhenTheFileHas10000Columns()
    {
        var file = temp.Combine("wide.csv");
        var filler = string.Concat(Enumerable.Repeat(",x", 10_000 - 22));
        using (var writer = new StreamWriter(file, false, new UTF8Encoding(false)))
        {
            writer.Write($"{Header},{string.Join(',', Enumerable.Range(1, 10_000 - 22).Select(i => $"extra_{i}"))}\n");
            for (var i = 1; i <= 2_000; i++)
                writer.Write($"{Row(i)}{filler}\n");
        }

        var (run, totals) = await IngestAsync(file, "--ignore-unknown-columns");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2_000, totals.GetProperty("received").GetInt32());
    }

    [Fact]
    public async Task Ingest_FailsTheFile_InBoundedMemory_WhenItIsAGzipBomb()
    {
        // 64 gzip members of 64 MB of one letter: 4 MB on disk that would inflate to 4 GB. One member is
        // compressed once and written 64 times: compressing 4 GB would take the test minutes.
        var member = new MemoryStream();
        using (var gzip = new GZipStream(member, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var letters = Encoding.ASCII.GetBytes(new string('A', 1 << 20));
            for (var i = 0; i < 64; i++)
                gzip.Write(letters);
        }
        var file = temp.Combine("bomb.csv.gz");
        using (var stream = File.Create(file))
        {
            for (var i = 0; i < 64; i++)
                stream.Write(member.GetBuffer(), 0, (int)member.Length);
        }

        var (run, totals) = await IngestAsync(file);

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(totals.GetProperty("failed").EnumerateArray()).GetProperty("error").GetString();
        Assert.Contains("bomb.csv.gz", error, StringComparison.Ordinal);
        Assert.Contains("decompression bomb", error, StringComparison.Ordinal);
    }
}
