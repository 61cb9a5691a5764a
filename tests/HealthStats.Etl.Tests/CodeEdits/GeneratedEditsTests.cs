using HealthStats.Etl.Deidentification;
using HealthStats.Etl.Generation;
using HealthStats.Etl.Ingest;
using HealthStats.TestSupport;
using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Tests.CodeEdits;

/// <summary>
/// The built-in starter edit set against the demo generator, end to end through ingest: correct abstracts fire no edit,
/// and every injected sex or age conflict is caught and stored against its abstract.
/// </summary>
public sealed class GeneratedEditsTests : IDisposable
{
    private readonly TempDirectory temp = new("generated-edits");

    public void Dispose() => temp.Dispose();

    // The E-rule warnings stored per abstract ("facility/abstract" -> rule ids), and the generator's truth.csv rows.
    private async Task<(Dictionary<string, HashSet<string>> Edits, List<Dictionary<string, string>> Truth)> IngestGenerated(double errorRate, int seed)
    {
        var data = new DataDirectory(temp.Combine($"data-{seed}"));
        var database = new WarehouseDatabase(data);
        WarehouseSetup.Initialize(database);
        var gen = temp.Combine($"gen-{seed}");
        AbstractGenerator.Generate(new GeneratorOptions(5_000, seed, ErrorRate: errorRate), gen);
        await new IngestService(database, new Pseudonymiser(HmacKeyStore.LoadOrCreate(data)))
            .IngestFileAsync(Path.Combine(gen, "abstracts.csv"), new IngestOptions(), default);

        var edits = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "select facility_id || '/' || abstract_id, rule_id from staging.stg_warning_versions where rule_id like 'E%'";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (!edits.TryGetValue(reader.GetString(0), out var rules))
                edits[reader.GetString(0)] = rules = [];
            rules.Add(reader.GetString(1));
        }
        return (edits, ReadTruth(Path.Combine(gen, "truth.csv")));
    }

    // truth.csv has LF line ends and no quoted cells (corrected codes are ';'-separated).
    private static List<Dictionary<string, string>> ReadTruth(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(line => header.Zip(line.Split(',')).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal))];
    }

    [Fact]
    public async Task StarterEdits_FireOnNoAbstract_WhenTheGeneratorCodesCorrectly()
    {
        var (edits, truth) = await IngestGenerated(errorRate: 0, seed: 61);

        Assert.Equal(5_000, truth.Count);
        Assert.All(truth, t => Assert.Equal("correct", t["outcome"]));
        Assert.Empty(edits.Select(e => $"{e.Key}: {string.Join(' ', e.Value)}"));
    }

    [Fact]
    public async Task StarterEdits_CatchEveryInjectedSexAndAgeConflict_AndFlagNoCorrectAbstract()
    {
        var (edits, truth) = await IngestGenerated(errorRate: 0.2, seed: 62);

        var injected = truth.Where(t => t["error_type"] is "sex_conflict" or "age_conflict").ToList();
        Assert.True(injected.Count(t => t["error_type"] == "sex_conflict") > 20, "too few sex conflicts injected to tell");
        Assert.True(injected.Count(t => t["error_type"] == "age_conflict") > 20, "too few age conflicts injected to tell");
        var missed = injected
            .Where(t => !(edits.TryGetValue($"{t["facility_id"]}/{t["abstract_id"]}", out var rules)
                && rules.Contains(t["error_type"] == "sex_conflict" ? "E01" : "E02")))
            .Select(t => $"{t["facility_id"]}/{t["abstract_id"]} {t["error_type"]}");
        Assert.Empty(missed);
        var falseAlarms = truth.Where(t => t["outcome"] == "correct" && edits.ContainsKey($"{t["facility_id"]}/{t["abstract_id"]}"))
            .Select(t => $"{t["facility_id"]}/{t["abstract_id"]}");
        Assert.Empty(falseAlarms);
    }
}
