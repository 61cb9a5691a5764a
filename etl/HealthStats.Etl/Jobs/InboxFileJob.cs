using System.Text.Json;
using HealthStats.Etl.Ingest;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Jobs;

/// <summary>
/// Ingests one claimed inbox file, then leaves a receipt in inbox/processed/ (loaded, or already loaded
/// before) or moves it to inbox/failed/ (it could not be read). A loaded file is deleted: it holds the
/// identifiers that ingest has just replaced by pseudonyms, and the lake and the batch manifests (with
/// quarantine for its rejected records) are all that a rebuild reads. Its argument is the file's name,
/// never its content.
/// Safe to run twice: a file already moved is reported from its receipt or error, not re-read.
/// </summary>
public sealed class InboxFileJob(DataDirectory data, IngestService ingest, IngestOptions? options = null)
{
    /// <summary>Ends the name of a loaded file's receipt in inbox/processed/: its counts, as `healthstats ingest --json` prints them.</summary>
    public const string ReceiptSuffix = ".receipt.json";

    public async Task<IngestTotals> RunAsync(string fileName, CancellationToken cancellationToken)
    {
        if (fileName != Path.GetFileName(fileName) || fileName.StartsWith('.'))
            throw new ArgumentException($"'{fileName}' is not a file name in the inbox.", nameof(fileName));
        var claimed = Path.Combine(data.InboxDirectory, InboxScanJob.ClaimedFolder, fileName);
        if (!File.Exists(claimed))
            return EarlierRun(fileName)
                ?? throw new FileNotFoundException($"{fileName} is neither in the inbox's claimed files nor in processed/ or failed/.");
        var totals = await ingest.IngestFilesAsync([claimed], options ?? new IngestOptions(), cancellationToken);
        if (totals.Failed.Count == 0)
        {
            Directory.CreateDirectory(data.ProcessedDirectory);
            File.WriteAllText(UniqueName(data.ProcessedDirectory, fileName + ReceiptSuffix), JsonSerializer.Serialize(totals));
            File.Delete(claimed);
            return totals;
        }
        Directory.CreateDirectory(data.FailedDirectory);
        File.Move(claimed, UniqueName(data.FailedDirectory, fileName));
        File.WriteAllText(UniqueName(data.FailedDirectory, fileName + ".error.txt"), totals.Failed[0].Error + Environment.NewLine);
        return totals;
    }

    // A worker that dies after the receipt but before Hangfire records the job as succeeded leaves the job to
    // run again on another worker: it reports what the first run left, the newest receipt or failure of that name,
    // rather than failing a job whose file is loaded.
    private IngestTotals? EarlierRun(string fileName)
    {
        var receipt = Newest(data.ProcessedDirectory, fileName + ".receipt*.json");
        if (receipt is not null)
            return JsonSerializer.Deserialize<IngestTotals>(File.ReadAllText(receipt));
        var error = Newest(data.FailedDirectory, fileName + ".error*.txt");
        return error is null ? null : IngestTotals.Of([], [new FailedFile(fileName, File.ReadAllText(error).TrimEnd())]);
    }

    private static string? Newest(string folder, string pattern) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, pattern).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault() : null;

    // A file of the same name sent again later must not overwrite the earlier one.
    private static string UniqueName(string folder, string fileName)
    {
        var path = Path.Combine(folder, fileName);
        for (var n = 1; File.Exists(path); n++)
            path = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(fileName)}.{n}{Path.GetExtension(fileName)}");
        return path;
    }
}
