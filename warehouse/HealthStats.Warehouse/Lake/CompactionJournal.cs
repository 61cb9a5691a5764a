using System.Text.Json;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Warehouse.Lake;

/// <summary>
/// A compaction's intent, written before its merged file takes its final name: the merged file and
/// the files it replaces. Between that rename and the deletion of the sources, the lake holds the
/// same rows twice; a crash there is mended by <see cref="Recover"/>, which finishes the deletions
/// (the merged file exists) or forgets the attempt (it does not). Rebuild and compaction recover first.
/// </summary>
public static class CompactionJournal
{
    public static string Folder(DataDirectory data) => Path.Combine(data.LakeDirectory, "compaction");

    public static string Write(DataDirectory data, string target, IReadOnlyList<string> sources)
    {
        Directory.CreateDirectory(Folder(data));
        var path = Path.Combine(Folder(data), $"journal-{Guid.NewGuid():N}.json");
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(new Entry(target, sources)));
        File.Move(temporary, path);
        return path;
    }

    /// <summary>Completes or forgets every interrupted compaction; returns how many it found.</summary>
    public static int Recover(DataDirectory data)
    {
        var folder = Folder(data);
        if (!Directory.Exists(folder))
            return 0;
        foreach (var leftover in Directory.EnumerateFiles(folder, "*.tmp"))
            File.Delete(leftover);
        var recovered = 0;
        foreach (var journal in Directory.EnumerateFiles(folder, "journal-*.json"))
        {
            var entry = JsonSerializer.Deserialize<Entry>(File.ReadAllText(journal))
                ?? throw new InvalidOperationException($"{journal} is not a compaction journal.");
            if (File.Exists(entry.Target))
            {
                foreach (var source in entry.Sources)
                    File.Delete(source);
            }
            else
            {
                File.Delete(entry.Target + ".tmp");
            }
            File.Delete(journal);
            recovered++;
        }
        return recovered;
    }

    private sealed record Entry(string Target, IReadOnlyList<string> Sources);
}
