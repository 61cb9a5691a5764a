using HealthStats.Etl.Generation;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Jobs;

/// <summary>
/// Makes the demo's data on a first start: synthetic abstracts for 5 facilities and 3 fiscal years,
/// written into the inbox for the inbox scan to ingest like any other file. It writes under a dot
/// name and renames, so the scan never sees half a file; a fixed seed makes the same file every
/// time, so a rerun is recognised by its hash and loads nothing twice.
/// </summary>
public sealed class DemoDataJob(DataDirectory data)
{
    public const int Seed = 20_260_401;
    public const string FileName = "demo-abstracts.csv";

    /// <summary>Returns the inbox file written, or null when the demo file was made before.</summary>
    public string? Run(int abstracts)
    {
        data.EnsureCreated();
        var inboxFile = Path.Combine(data.InboxDirectory, FileName);
        var alreadyMade = File.Exists(inboxFile)
            || File.Exists(Path.Combine(data.InboxDirectory, InboxScanJob.ClaimedFolder, FileName))
            || File.Exists(Path.Combine(data.ProcessedDirectory, FileName + InboxFileJob.ReceiptSuffix));
        if (alreadyMade)
            return null;
        var staging = Path.Combine(data.InboxDirectory, ".generating");
        AbstractGenerator.Generate(new GeneratorOptions(abstracts, Seed, Facilities: 5, FiscalYears: 3), staging);
        File.Move(Path.Combine(staging, AbstractGenerator.AbstractsFileName), inboxFile);
        Directory.Delete(staging, recursive: true);
        return inboxFile;
    }
}
