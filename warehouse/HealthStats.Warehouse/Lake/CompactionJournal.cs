using System.Text.Json;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Warehouse.Lake;

/// <summary>
/// A compaction's intent, written before its merged file takes its final name: the merged file and
/// the files it replaces. Between that rename and the deletion of the sources, the lake holds the
/// same rows twice: readers skip the <see cref="Superseded"/> sources, and a crash there is mended by
/// <see cref="Recover"/>, which finishes the deletions (the merged file exists) or forgets the attempt
/// (it does not). Rebuild and compaction recover first.
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

    /// <summary>
    /// The files an interrupted compaction replaced by a merged file that exists: their rows are in it, so a
    /// reader must skip them until <see cref="Recover"/> deletes them. Full paths.
    /// </summary>
    public static HashSet<string> Superseded(DataDirectory data)
    {
        var superseded = new HashSet<string>(StringComparer.Ordinal);
        var folder = Folder(data);
        if (!Directory.Exists(folder))
            return superseded;
        foreach (var journal in Directory.EnumerateFiles(folder, "journal-*.json"))
        {
            var entry = Read(journal);
            if (File.Exists(entry.Target))
                superseded.UnionWith(entry.Sources.Select(Path.GetFullPath));
        }
        return superseded;
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
            var entry = Read(journal);
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

    private static Entry Read(string journal) =>
        JsonSerializer.Deserialize<Entry>(File.ReadAllText(journal))
        ?? throw new InvalidOperationException($"{journal} is not a compaction journal.");

    private sealed record Entry(string Target, IReadOnlyList<string> Sources);
}
