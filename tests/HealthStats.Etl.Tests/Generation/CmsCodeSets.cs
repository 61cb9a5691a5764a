using HealthStats.TestSupport;

namespace HealthStats.Etl.Tests.Generation;

/// <summary>The CMS FY2026 order files and the MCE edit lists from ../shared/data, loaded once.</summary>
internal sealed class CmsCodeSets
{
    private static readonly Lazy<CmsCodeSets> Shared = new(() => new CmsCodeSets());

    private CmsCodeSets()
    {
        Diagnoses = ReadOrderFile(SharedData.Path("icd10cm", "icd10cm_order_2026.txt"));
        Interventions = ReadOrderFile(SharedData.Path("icd10pcs", "icd10pcs_order_2026.txt"));
        foreach (var line in File.ReadLines(SharedData.Path("mce", "MCE_Simple_Code_Edits_v37_FY2020.txt")).Skip(1))
        {
            var f = line.Split('\t');
            var key = f[5] + ":" + f[4];
            if (!Edits.TryGetValue(key, out var set))
                Edits[key] = set = new HashSet<string>(StringComparer.Ordinal);
            set.Add(f[6]);
        }
    }

    public static CmsCodeSets Instance => Shared.Value;

    /// <summary>Code without dot -> (billable, long title).</summary>
    public Dictionary<string, (bool Billable, string Title)> Diagnoses { get; }

    public Dictionary<string, (bool Billable, string Title)> Interventions { get; }

    /// <summary>"D:Female_Only" -> codes, and so on for every MCE edit type.</summary>
    public Dictionary<string, HashSet<string>> Edits { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Edit(char codeType, string editType) =>
        Edits.TryGetValue(codeType + ":" + editType, out var set) ? set : [];

    public bool IsBillableDiagnosis(string code) =>
        Diagnoses.TryGetValue(Undotted(code), out var entry) && entry.Billable;

    public bool IsBillableIntervention(string code) =>
        Interventions.TryGetValue(code, out var entry) && entry.Billable;

    public static string Undotted(string code) => code.Replace(".", "", StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>Fixed width: code in columns 7-13, billable flag in 15, long title from 78.</summary>
    private static Dictionary<string, (bool, string)> ReadOrderFile(string path)
    {
        var result = new Dictionary<string, (bool, string)>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length < 78)
                continue;
            result[line[6..13].Trim()] = (line[14] == '1', line[77..].TrimEnd());
        }
        return result;
    }
}
