using System.Collections.Frozen;
using HealthStats.Warehouse.Classification;

namespace HealthStats.Warehouse.CodeEdits;

/// <summary>
/// Every edit table, in memory, for ingest: for each span of discharge dates over which nothing changes, the
/// merged <see cref="CodeEditTable"/> in force. Immutable and safe to share across threads.
/// </summary>
/// <remarks>
/// Per edit type, the import in force at a date is, among the imports holding that type whose effective_from is on or
/// before it, an imported one before the built-in starter, then the latest effective_from, then the latest import:
/// a newer import supersedes an older one from its date, and a code it dropped is no longer flagged from then on.
/// Within that import a code counts when the date is within its own effective dates.
/// </remarks>
public sealed class CodeEditSnapshot
{
    private readonly DateOnly[] starts;
    private readonly CodeEditTable[] tables;

    internal CodeEditSnapshot(IReadOnlyList<CodeEditImportInfo> imports, IReadOnlyDictionary<int, List<CodeEdit>> edits)
    {
        Imports = imports;
        var boundaries = new SortedSet<DateOnly>();
        foreach (var import in imports)
            boundaries.Add(import.EffectiveFrom);
        foreach (var list in edits.Values)
        {
            foreach (var e in list)
            {
                boundaries.Add(e.From);
                if (e.To is { } to && to < DateOnly.MaxValue)
                    boundaries.Add(to.AddDays(1));
            }
        }
        var ranked = imports
            .OrderBy(i => i.Builtin)
            .ThenByDescending(i => i.EffectiveFrom)
            .ThenByDescending(i => i.ImportId)
            .ToList();
        starts = [.. boundaries];
        tables = [.. starts.Select(start => Build(start, ranked, edits))];
    }

    public IReadOnlyList<CodeEditImportInfo> Imports { get; }

    /// <summary>The edits in force for a discharge on that date; an empty table before any edit table starts.</summary>
    public CodeEditTable At(DateOnly date)
    {
        // Few spans (one or two per import): a scan from the end beats a binary search.
        for (var i = starts.Length - 1; i >= 0; i--)
        {
            if (starts[i] <= date)
                return tables[i];
        }
        return CodeEditTable.Empty;
    }

    private static CodeEditTable Build(DateOnly date, List<CodeEditImportInfo> ranked, IReadOnlyDictionary<int, List<CodeEdit>> edits)
    {
        var diagnoses = new Dictionary<string, CodeEditTypes>(StringComparer.Ordinal);
        var interventions = new Dictionary<string, CodeEditTypes>(StringComparer.Ordinal);
        var versions = new string?[CodeEditTypeNames.All.Count];
        for (var t = 0; t < CodeEditTypeNames.All.Count; t++)
        {
            var info = CodeEditTypeNames.All[t];
            var import = ranked.FirstOrDefault(i => i.EffectiveFrom <= date && i.CountsByType.ContainsKey(info.Name));
            if (import is null || !edits.TryGetValue(import.ImportId, out var list))
                continue;
            versions[t] = import.Version;
            foreach (var e in list)
            {
                if (e.Type != info.Type || e.From > date || (e.To is { } to && to < date))
                    continue;
                var target = e.Kind == ClassificationKind.Diagnosis ? diagnoses : interventions;
                target[e.Code] = target.GetValueOrDefault(e.Code) | e.Type;
            }
        }
        return new CodeEditTable(diagnoses.ToFrozenDictionary(StringComparer.Ordinal), interventions.ToFrozenDictionary(StringComparer.Ordinal), versions);
    }
}
