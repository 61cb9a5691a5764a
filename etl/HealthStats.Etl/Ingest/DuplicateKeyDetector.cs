namespace HealthStats.Etl.Ingest;

/// <summary>
/// Finds a (facility, abstract) key that appears twice in one file. It keeps a 64-bit hash of each
/// key rather than the key, so ten million abstracts cost about 200 MB rather than a gigabyte;
/// a false match needs a 64-bit collision (about one in 400,000 for ten million keys).
/// </summary>
internal sealed class DuplicateKeyDetector
{
    private readonly Dictionary<ulong, long> lines = [];

    /// <summary>The line where this key first appeared, or null the first time it is seen.</summary>
    public long? FirstLineOf(ValidAbstract record)
    {
        var hash = Fnv1a(record.FacilityId, record.AbstractId);
        if (lines.TryGetValue(hash, out var line))
            return line;
        lines[hash] = record.Line;
        return null;
    }

    private static ulong Fnv1a(string facility, string abstractId)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in facility)
            hash = (hash ^ c) * 1099511628211UL;
        hash = (hash ^ 0x1F) * 1099511628211UL;
        foreach (var c in abstractId)
            hash = (hash ^ c) * 1099511628211UL;
        return hash;
    }
}
