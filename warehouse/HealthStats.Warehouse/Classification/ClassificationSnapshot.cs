using System.Collections.Frozen;

namespace HealthStats.Warehouse.Classification;

/// <summary>
/// Every classification version and code, in memory, for validating abstracts. Immutable and safe to share
/// across threads.
/// </summary>
/// <remarks>
/// A version with addenda also speaks for the year before its effective_from (see <see cref="ClassificationAddendaInfo.Coverage"/>):
/// there it holds its own codes, less the ones its addenda added, plus the ones they deleted, with the titles they had.
/// That earlier view ranks like a version starting a year before, after any real version starting on the same day.
/// </remarks>
public sealed class ClassificationSnapshot
{
    private readonly FrozenDictionary<ClassificationKind, View[]> byKind;

    internal ClassificationSnapshot(
        IReadOnlyList<ClassificationVersionInfo> versions,
        IReadOnlyDictionary<int, Dictionary<string, CodeEntry>> codes,
        IReadOnlyDictionary<int, Dictionary<string, CodeEntry?>>? before = null)
    {
        Versions = versions;
        byKind = versions
            .GroupBy(v => v.Kind)
            .ToFrozenDictionary(g => g.Key, g => Views(g, codes, before));
    }

    public IReadOnlyList<ClassificationVersionInfo> Versions { get; }

    /// <summary>
    /// The code's entry in the version in force at that date: among versions whose [from, to] holds the date,
    /// imported versions win over built-in ones, and then the latest effective_from wins; a version's addenda count as
    /// a version starting a year before it (<see cref="ClassificationSnapshot"/>). Null when the code is not
    /// in that version, or no version is in force. The code must be normalised (<see cref="ClassificationFiles.NormaliseCode"/>).
    /// </summary>
    public CodeEntry? Find(ClassificationKind kind, string normalisedCode, DateOnly date) =>
        InForce(kind, date)?.Find(normalisedCode);

    /// <summary>
    /// The name of the version in force at that date, or null when none is. Before a version with addenda, it is
    /// named "V before yyyy-MM-dd, by its addenda".
    /// </summary>
    public string? VersionInForce(ClassificationKind kind, DateOnly date) => InForce(kind, date)?.Name;

    internal static string BeforeName(ClassificationVersionInfo info) => $"{info.Version} before {info.EffectiveFrom:yyyy-MM-dd}, by its addenda";

    // In precedence order: imported versions before built-in ones, then the latest start first, a version's own dates
    // before another's addenda year that starts the same day, then the latest import.
    private static View[] Views(
        IEnumerable<ClassificationVersionInfo> versions,
        IReadOnlyDictionary<int, Dictionary<string, CodeEntry>> codes,
        IReadOnlyDictionary<int, Dictionary<string, CodeEntry?>>? before)
    {
        var views = new List<View>();
        foreach (var v in versions)
        {
            var own = codes.TryGetValue(v.VersionId, out var entries) ? entries : [];
            views.Add(new View(v, v.EffectiveFrom, v.EffectiveTo, v.Version, own, null));
            if (before is not null && before.TryGetValue(v.VersionId, out var changes))
            {
                var (from, to) = ClassificationAddendaInfo.Coverage(v.EffectiveFrom);
                views.Add(new View(v, from, to, BeforeName(v), own, changes));
            }
        }
        return
        [
            .. views.OrderBy(w => w.Info.Builtin)
                .ThenByDescending(w => w.From)
                .ThenBy(w => w.Changes is not null)
                .ThenByDescending(w => w.Info.VersionId),
        ];
    }

    private View? InForce(ClassificationKind kind, DateOnly date)
    {
        if (!byKind.TryGetValue(kind, out var views))
            return null;
        foreach (var view in views)
        {
            if (view.From <= date && (view.To is null || date <= view.To.Value))
                return view;
        }
        return null;
    }

    /// <summary>A version over its own dates, or (with <paramref name="Changes"/>) over the year its addenda describe.</summary>
    private sealed record View(
        ClassificationVersionInfo Info, DateOnly From, DateOnly? To, string Name, Dictionary<string, CodeEntry> Codes, Dictionary<string, CodeEntry?>? Changes)
    {
        public CodeEntry? Find(string code) =>
            Changes is not null && Changes.TryGetValue(code, out var changed) ? changed : Codes.GetValueOrDefault(code);
    }
}
