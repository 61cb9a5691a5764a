using HealthStats.Etl.Generation;
using HealthStats.Etl.Ingest;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Jobs;

/// <summary>
/// Makes the demo's data on a first start: synthetic abstracts for 5 facilities and 3 fiscal years
/// written to the inbox, then ingested. A fixed seed makes the same file every time, so a rerun
/// (a retry, a restart mid-way) is recognised by its hash and loads nothing twice.
/// </summary>
public sealed class DemoDataJob(DataDirectory data, IngestService ingest)
{
    public const int Seed = 20_260_401;
    public const string FileName = "demo-abstracts.csv";

    public async Task<IngestTotals> RunAsync(int abstracts, CancellationToken cancellationToken)
    {
        data.EnsureCreated();
        var inboxFile = Path.Combine(data.InboxDirectory, FileName);
        var processedFile = Path.Combine(data.ProcessedDirectory, FileName);
        if (!File.Exists(inboxFile) && !File.Exists(processedFile))
        {
            var staging = Path.Combine(data.InboxDirectory, ".generating");
            AbstractGenerator.Generate(new GeneratorOptions(abstracts, Seed, Facilities: 5, FiscalYears: 3), staging);
            File.Move(Path.Combine(staging, "abstracts.csv"), inboxFile);
            Directory.Delete(staging, recursive: true);
        }
        var source = File.Exists(inboxFile) ? inboxFile : processedFile;
        var totals = await ingest.IngestFilesAsync([source], new IngestOptions(), cancellationToken);
        if (source == inboxFile && totals.Failed.Count == 0)
        {
            Directory.CreateDirectory(data.ProcessedDirectory);
            File.Move(inboxFile, processedFile, overwrite: true);
        }
        return totals;
    }
}
