using System.Collections.Frozen;

namespace HealthStats.Warehouse.Classification;

/// <summary>
/// Every classification version and code, in memory, for validating abstracts. Immutable and safe to share
/// across threads.
/// </summary>
public sealed class ClassificationSnapshot
{
    private readonly FrozenDictionary<ClassificationKind, LoadedVersion[]> byKind;

    internal ClassificationSnapshot(IReadOnlyList<ClassificationVersionInfo> versions, IReadOnlyDictionary<int, Dictionary<string, CodeEntry>> codes)
    {
        Versions = versions;
        // In precedence order: imported versions before built-in ones, then the latest start first (then the latest import).
        byKind = versions
            .GroupBy(v => v.Kind)
            .ToFrozenDictionary(
                g => g.Key,
                g => g.OrderBy(v => v.Builtin)
                    .ThenByDescending(v => v.EffectiveFrom)
                    .ThenByDescending(v => v.VersionId)
                    .Select(v => new LoadedVersion(v, codes.TryGetValue(v.VersionId, out var entries) ? entries : []))
                    .ToArray());
    }

    public IReadOnlyList<ClassificationVersionInfo> Versions { get; }

    /// <summary>
    /// The code's entry in the version in force at that date: among versions whose [from, to] holds the date,
    /// imported versions win over built-in ones, and then the latest effective_from wins. Null when the code is not
    /// in that version, or no version is in force. The code must be normalised (<see cref="ClassificationFiles.NormaliseCode"/>).
    /// </summary>
    public CodeEntry? Find(ClassificationKind kind, string normalisedCode, DateOnly date) =>
        InForce(kind, date)?.Codes.GetValueOrDefault(normalisedCode);

    /// <summary>The name of the version in force at that date, or null when none is.</summary>
    public string? VersionInForce(ClassificationKind kind, DateOnly date) => InForce(kind, date)?.Info.Version;

    private LoadedVersion? InForce(ClassificationKind kind, DateOnly date)
    {
        if (!byKind.TryGetValue(kind, out var versions))
            return null;
        foreach (var version in versions)
        {
            if (version.Info.Covers(date))
                return version;
        }
        return null;
    }

    private sealed record LoadedVersion(ClassificationVersionInfo Info, Dictionary<string, CodeEntry> Codes);
}
