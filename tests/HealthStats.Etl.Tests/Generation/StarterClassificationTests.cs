using System.Text;
using HealthStats.Etl.Generation;
using HealthStats.TestSupport;

namespace HealthStats.Etl.Tests.Generation;

/// <summary>
/// The starter classification shipped with the warehouse must hold every code the generator writes
/// (but the invalid ones), with the CMS long titles. Run with HEALTHSTATS_WRITE_STARTER=1 to rewrite the
/// two files from ../shared/data after changing the generator's code lists.
/// </summary>
[Collection(GeneratedSampleCollection.Name)]
public sealed class StarterClassificationTests
{
    private readonly GeneratedSample _sample;

    public StarterClassificationTests(GeneratedSample sample)
    {
        _sample = sample;
    }

    private static string StarterPath(string file) =>
        Path.Combine(SharedData.RepositoryRoot(), "warehouse", "HealthStats.Warehouse", "Classification", "Starter", file);

    private static bool Rewrite => Environment.GetEnvironmentVariable("HEALTHSTATS_WRITE_STARTER") == "1";

    /// <summary>code,title,billable; codes without dots, sorted; CMS long titles.</summary>
    private static string Build(IEnumerable<string> codes, Dictionary<string, (bool Billable, string Title)> cms)
    {
        var text = new StringBuilder("code,title,billable\n");
        foreach (var code in codes.Select(CmsCodeSets.Undotted).Distinct().Order(StringComparer.Ordinal))
        {
            var (billable, title) = cms[code];
            text.Append(code).Append(',').Append(CsvText.Quote(title)).Append(',').Append(billable ? '1' : '0').Append('\n');
        }
        return text.ToString();
    }

    private static void CheckOrWrite(string file, string expected)
    {
        var path = StarterPath(file);
        if (Rewrite)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected, new UTF8Encoding(false));
        }
        Assert.True(File.Exists(path), $"{path} is missing: run the tests with HEALTHSTATS_WRITE_STARTER=1");
        Assert.Equal(expected, File.ReadAllText(path));
    }

    [SharedDataFact]
    public void StarterDiagnoses_MatchCmsLongTitles_WhenBuiltFromTheCatalog()
    {
        var codes = CodeCatalog.Diagnoses().Concat(CodeCatalog.Headers());
        CheckOrWrite("starter_diagnoses.csv", Build(codes, CmsCodeSets.Instance.Diagnoses));
    }

    [SharedDataFact]
    public void StarterInterventions_MatchCmsLongTitles_WhenBuiltFromTheCatalog()
    {
        CheckOrWrite("starter_interventions.csv", Build(CodeCatalog.Interventions(), CmsCodeSets.Instance.Interventions));
    }

    [Fact]
    public void StarterFiles_ContainEveryCode_WhenGeneratedOutputIsChecked()
    {
        var diagnoses = ReadStarter("starter_diagnoses.csv");
        var interventions = ReadStarter("starter_interventions.csv");
        var invalid = ErrorCodeLists.InvalidCodes.Select(CmsCodeSets.Undotted).ToHashSet();
        foreach (var r in _sample.Rows)
        {
            foreach (var (code, _) in r.Diagnoses)
            {
                var c = CmsCodeSets.Undotted(code);
                if (r.ErrorType == ErrorTypes.InvalidCode && invalid.Contains(c))
                    continue;
                Assert.True(diagnoses.ContainsKey(c), $"{code} of {r.FacilityId} {r.AbstractId} is not in the starter diagnoses");
                Assert.Equal(code.Length > 3 || r.ErrorType != ErrorTypes.NonspecificCode || diagnoses[c], diagnoses[c]);
            }
            Assert.All(r.Interventions, p => Assert.True(interventions[p.Code], p.Code));
        }
        Assert.DoesNotContain(diagnoses.Keys, invalid.Contains);
    }

    private static Dictionary<string, bool> ReadStarter(string file)
    {
        var rows = CsvText.Parse(File.ReadAllText(StarterPath(file)));
        Assert.Equal(["code", "title", "billable"], rows[0]);
        return rows.Skip(1).ToDictionary(r => r[0], r => r[2] == "1", StringComparer.Ordinal);
    }
}
