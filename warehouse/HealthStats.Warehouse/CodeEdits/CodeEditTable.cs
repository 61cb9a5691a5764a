using System.Collections.Frozen;
using HealthStats.Warehouse.Classification;

namespace HealthStats.Warehouse.CodeEdits;

/// <summary>
/// The edits in force over a span of discharge dates: per code, every edit type that lists it. Immutable; one
/// lookup per code, with no allocation, which is what ingest needs.
/// </summary>
public sealed class CodeEditTable
{
    public static CodeEditTable Empty { get; } = new(
        FrozenDictionary<string, CodeEditTypes>.Empty, FrozenDictionary<string, CodeEditTypes>.Empty, new string?[CodeEditTypeNames.All.Count]);

    private readonly FrozenDictionary<string, CodeEditTypes> diagnoses;
    private readonly FrozenDictionary<string, CodeEditTypes> interventions;
    private readonly string?[] versions;

    internal CodeEditTable(FrozenDictionary<string, CodeEditTypes> diagnoses, FrozenDictionary<string, CodeEditTypes> interventions, string?[] versions)
    {
        this.diagnoses = diagnoses;
        this.interventions = interventions;
        this.versions = versions;
    }

    /// <summary>The edit types that list the code (normalised, as the classification stores it); <see cref="CodeEditTypes.None"/> when none does.</summary>
    public CodeEditTypes Find(ClassificationKind kind, string normalisedCode) =>
        (kind == ClassificationKind.Diagnosis ? diagnoses : interventions).GetValueOrDefault(normalisedCode);

    /// <summary>The version (import) an edit type is read from here, for messages; null when no import holds it.</summary>
    public string? VersionOf(CodeEditTypes single)
    {
        for (var i = 0; i < CodeEditTypeNames.All.Count; i++)
        {
            if (CodeEditTypeNames.All[i].Type == single)
                return versions[i];
        }
        return null;
    }

    internal int Count => diagnoses.Count + interventions.Count;
}
