using System.Text.RegularExpressions;
using HealthStats.TestSupport;
using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Classification;

namespace HealthStats.Warehouse.Tests.Models;

public sealed class CharlsonSeedTests
{
    [SharedDataFact]
    public void PrefixList_FlagsTheSameConditionsAsTheQuan2005Regexes_ForEveryIcd10CmCode()
    {
        var regexes = ReadPipeTable(SharedData.Path("comorbidity", "charlson_quan2005_regex.txt"))
            .Where(r => r["icdv"] == "10")
            .Select(r => (Condition: r["condition"], Pattern: new Regex(r["pattern"], RegexOptions.CultureInvariant)))
            .ToList();
        var prefixes = ReadSeed("charlson_quan2005.csv").Select(r => (Condition: r[0], Prefix: r[1])).ToList();
        var codes = ClassificationFiles.ReadCmsOrder(SharedData.Path("icd10cm", "icd10cm_order_2026.txt")).Select(c => c.Code).ToList();

        var differences = new List<string>();
        var flagged = 0;
        foreach (var code in codes)
        {
            var dotted = code.Length > 3 ? code[..3] + "." + code[3..] : code;
            var byRegex = regexes.Where(r => r.Pattern.IsMatch(dotted)).Select(r => r.Condition).Distinct().Order(StringComparer.Ordinal).ToList();
            var byPrefix = prefixes.Where(p => code.StartsWith(p.Prefix, StringComparison.Ordinal)).Select(p => p.Condition).Distinct().Order(StringComparer.Ordinal).ToList();
            if (!byRegex.SequenceEqual(byPrefix))
                differences.Add($"{dotted}: regex [{string.Join(',', byRegex)}], prefixes [{string.Join(',', byPrefix)}]");
            if (byPrefix.Count > 0)
                flagged++;
        }

        Assert.True(codes.Count > 90_000, $"only {codes.Count} codes read");
        Assert.True(flagged > 3_000, $"only {flagged} codes flagged: the comparison would prove little");
        Assert.True(differences.Count == 0, string.Join("\n", differences.Take(20)));
    }

    [SharedDataFact]
    public void Weights_AreTheQuan2005Column_ForEveryCondition()
    {
        var published = ReadPipeTable(SharedData.Path("comorbidity", "charlson_weights.txt"))
            .Where(r => r["quan2005"].Length > 0)
            .ToDictionary(r => r["condition"], r => int.Parse(r["quan2005"], System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var embedded = ReadSeed("charlson_weights.csv")
            .ToDictionary(r => r[0], r => int.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);

        Assert.Equal(published.OrderBy(p => p.Key, StringComparer.Ordinal), embedded.OrderBy(p => p.Key, StringComparer.Ordinal));
        var conditions = ReadSeed("charlson_quan2005.csv").Select(r => r[0]).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(embedded.Keys.Order(StringComparer.Ordinal), conditions.Order(StringComparer.Ordinal));
    }

    // The medicalcoder tables: a title line, then "name | name | ..." rows padded with spaces.
    private static List<Dictionary<string, string>> ReadPipeTable(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Contains('|', StringComparison.Ordinal)).ToList();
        var header = lines[0].Split('|').Select(h => h.Trim()).ToArray();
        return lines.Skip(1)
            .Select(l => l.Split('|').Select(v => v.Trim()).ToArray())
            .Select(v => header.Zip(v).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal))
            .ToList();
    }

    private static List<string[]> ReadSeed(string name)
    {
        using var stream = typeof(MartBuild).Assembly.GetManifestResourceStream("seeds/" + name)!;
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            // Descriptions may be quoted; the columns read here (condition, prefix, weight) never are.
            var fields = Regex.Split(line, ",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
            rows.Add(fields);
        }
        return rows;
    }
}
