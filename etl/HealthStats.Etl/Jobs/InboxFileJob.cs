using HealthStats.Etl.Ingest;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Jobs;

/// <summary>
/// Ingests one claimed inbox file, then moves it to inbox/processed/ (loaded, or already loaded
/// before) or inbox/failed/ (it could not be read). Its argument is the file's name, never its content.
/// Safe to run twice: a file already moved is reported, not re-read.
/// </summary>
public sealed class InboxFileJob(DataDirectory data, IngestService ingest, IngestOptions? options = null)
{
    public async Task<IngestTotals> RunAsync(string fileName, CancellationToken cancellationToken)
    {
        if (fileName != Path.GetFileName(fileName) || fileName.StartsWith('.'))
            throw new ArgumentException($"'{fileName}' is not a file name in the inbox.", nameof(fileName));
        var claimed = Path.Combine(data.InboxDirectory, InboxScanJob.ClaimedFolder, fileName);
        if (!File.Exists(claimed))
            throw new FileNotFoundException($"{fileName} is no longer in the inbox's claimed files (already processed?).");
        var totals = await ingest.IngestFilesAsync([claimed], options ?? new IngestOptions(), cancellationToken);
        var destination = totals.Failed.Count == 0 ? data.ProcessedDirectory : data.FailedDirectory;
        Directory.CreateDirectory(destination);
        File.Move(claimed, UniqueName(destination, fileName));
        if (totals.Failed.Count > 0)
            File.WriteAllText(UniqueName(destination, fileName + ".error.txt"), totals.Failed[0].Error + Environment.NewLine);
        return totals;
    }

    // A file of the same name sent again later must not overwrite the earlier one.
    private static string UniqueName(string folder, string fileName)
    {
        var path = Path.Combine(folder, fileName);
        for (var n = 1; File.Exists(path); n++)
            path = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(fileName)}.{n}{Path.GetExtension(fileName)}");
        return path;
    }
}
