using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Jobs;

/// <summary>
/// Looks in the inbox for files and hands each to its own ingest job. A file is claimed by moving
/// it into inbox/.claimed/ before its job is queued: a rename is atomic, so two scans running at
/// once (two triggers, two workers) can never queue the same file twice.
/// </summary>
public sealed class InboxScanJob(DataDirectory data, IInboxJobQueue queue)
{
    public const string ClaimedFolder = ".claimed";

    public IReadOnlyList<string> Run()
    {
        data.EnsureCreated();
        var claimed = Path.Combine(data.InboxDirectory, ClaimedFolder);
        Directory.CreateDirectory(claimed);
        var queued = new List<string>();
        foreach (var file in Directory.EnumerateFiles(data.InboxDirectory).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            // Dot files are partial uploads or our own work files; a writer renames them when complete.
            if (name.StartsWith('.'))
                continue;
            var target = Path.Combine(claimed, name);
            if (File.Exists(target))
                continue; // a file of that name is already being ingested; it waits for the next scan
            try
            {
                File.Move(file, target);
            }
            catch (IOException)
            {
                continue; // another scan claimed it first, or it is still being written
            }
            queue.EnqueueIngest(name);
            queued.Add(name);
        }
        return queued;
    }
}
