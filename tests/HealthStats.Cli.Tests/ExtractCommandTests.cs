using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using HealthStats.Etl.Audit;
using HealthStats.TestSupport;
using HealthStats.Warehouse.Extracts;
using HealthStats.Warehouse.Storage;
using HealthStats.Warehouse.Suppression;

namespace HealthStats.Cli.Tests;

public sealed class ExtractCommandTests(StatsWarehouse warehouse) : IClassFixture<StatsWarehouse>, IDisposable
{
    private readonly TempDirectory temp = new("extract-cli");

    public void Dispose() => temp.Dispose();

    private string Spec(string json, string name = "spec.json")
    {
        var file = temp.Combine(name);
        File.WriteAllText(file, json);
        return file;
    }

    private async Task<string> Extract(string json, string folder = "out")
    {
        var out_ = temp.Combine(folder);
        var run = await CliRun.RunAsync("extract", "--spec", Spec(json), "--out", out_, "--data", warehouse.Data);
        Assert.True(run.ExitCode == 0, run.Error);
        return out_;
    }

    // The auditor on what a built extract releases, and the CSV files holding exactly that.
    private BuiltExtract BuildAndAudit(string json, string folder)
    {
        var built = ExtractBuilder.Build(new WarehouseDatabase(new DataDirectory(warehouse.Data)), ExtractSpecReader.Parse(json, "spec.json"));
        Assert.True(DisclosureAuditor.Audit(built.Publication, built.Policy).Passed);
        ExtractWriter.WriteAsync(built, folder).GetAwaiter().GetResult();
        foreach (var table in built.Tables)
        {
            var rows = CsvRows.Read(Path.Combine(folder, table.Spec.Name + ".csv"));
            Assert.Equal(table.Rows.Count, rows.Count);
            for (var r = 0; r < rows.Count; r++)
            {
                var values = ExtractValues.Of(table, table.Rows[r], built.Publication);
                Assert.Equal(values.Select(CsvText.Cell), table.Columns.Select(c => CsvText.Text(rows[r][c.Name])));
            }
        }
        return built;
    }

    private async Task<Dictionary<string, double>> Stats(params string[] args)
    {
        var run = await warehouse.Stats([.. args, "--format", "json"]);
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonDocument.Parse(run.Out).RootElement.EnumerateArray().ToDictionary(
            r => string.Join(",", r.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).Select(p => p.Value.GetString())),
            r => r.GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task Extract_WritesAnAuditEntry_WithTheSpecNameAndTheManifestsHash()
    {
        var folder = await Extract(ExtractSpecs.Regions, "audited");

        var manifest = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(folder, ExtractWriter.ManifestFile))));
        var log = AuditLog.Open(new DataDirectory(warehouse.Data));
        var entry = log.List(action: AuditActions.ExtractProduced).Last(e => e.Target.EndsWith(manifest, StringComparison.Ordinal));
        Assert.Equal($"ministry-regions manifest sha256:{manifest}", entry.Target);
        Assert.Equal($"cli:{Environment.UserName}", entry.Actor);
        Assert.StartsWith("local:", entry.Source, StringComparison.Ordinal);
        Assert.True(log.Verify().IsIntact);
    }

    [Fact]
    public async Task Extract_SuppressesSmallCountsAndTheirComplements_InHandCheckedCells()
    {
        var rows = CsvRows.Read(Path.Combine(await Extract(ExtractSpecs.Regions), "discharges_by_region_sex.csv"))
            .ToDictionary(r => r["region"] + "," + r["sex"]);
        var stats = await Stats("discharges", "--by", "region,sex", "--where", "fiscal_year=2024");

        // By hand from the stats above: R05 has 4 women (suppressed) and 8 men, its total 12 released,
        // so the 8 must go too, or 12 - 8 gives the 4 back.
        Assert.Equal(("", "true"), (rows["R05,F"]["discharges"], rows["R05,F"]["discharges_suppressed"]));
        Assert.Equal(("", "true"), (rows["R05,M"]["discharges"], rows["R05,M"]["discharges_suppressed"]));
        Assert.Equal(("12", "false"), (rows["R05,Total"]["discharges"], rows["R05,Total"]["discharges_suppressed"]));
        Assert.Equal(("30", "12", "42"), (rows["R01,F"]["discharges"], rows["R01,M"]["discharges"], rows["R01,Total"]["discharges"]));
        Assert.Equal("135", rows["Total,Total"]["discharges"]);
        foreach (var (cell, value) in stats)
        {
            var released = rows[cell]["discharges"];
            if (value is >= 1 and <= 4)
                Assert.True(released.Length == 0, $"{cell} = {value} is released");
            else if (released.Length > 0)
                Assert.Equal(value, double.Parse(released, CultureInfo.InvariantCulture));
        }
        // Every region whose sexes are both small is suppressed whole, with enough other regions that none can be worked out.
        Assert.True(rows.Values.Count(r => r["discharges_suppressed"] == "true") > stats.Values.Count(v => v is >= 1 and <= 4));
    }

    [Fact]
    public async Task Extract_SuppressesARateWithItsDeaths_AndReleasesItWhereBothCountsAre()
    {
        var rows = CsvRows.Read(Path.Combine(await Extract(ExtractSpecs.Regions), "mortality_by_region.csv")).ToDictionary(r => r["region"]);

        Assert.Equal(["region", "deaths", "deaths_suppressed", "discharges", "discharges_suppressed", "in_hospital_mortality"], rows["Total"].Keys);
        // R01: 2 deaths of 42 discharges; R03: none of 30.
        Assert.Equal(("", "true", "42", ""), (rows["R01"]["deaths"], rows["R01"]["deaths_suppressed"], rows["R01"]["discharges"], rows["R01"]["in_hospital_mortality"]));
        Assert.Equal(("0", "30", "0"), (rows["R03"]["deaths"], rows["R03"]["discharges"], rows["R03"]["in_hospital_mortality"]));
        Assert.Equal(("5", "135"), (rows["Total"]["deaths"], rows["Total"]["discharges"]));
        Assert.Equal(100.0 * 5 / 135, double.Parse(rows["Total"]["in_hospital_mortality"], CultureInfo.InvariantCulture), 12);
        Assert.All(rows.Values.Where(r => r["deaths_suppressed"] == "true" || r["discharges_suppressed"] == "true"),
            r => Assert.Equal("", r["in_hospital_mortality"]));
    }

    [Fact]
    public async Task Extract_PassesTheAuditor_OnEveryExtractTheTestsMake()
    {
        foreach (var (spec, i) in new[] { ExtractSpecs.Regions, ExtractSpecs.Diagnoses }.Select((s, i) => (s, i)))
        {
            var built = await Task.Run(() => BuildAndAudit(spec, temp.Combine($"audited-{i}")));
            Assert.True(built.Audit.Passed);
        }
    }

    [Fact]
    public async Task Extract_ReleasesEverySubtotalOfAHierarchy_EachTheSumOfItsParts()
    {
        var rows = CsvRows.Read(Path.Combine(await Extract(ExtractSpecs.Diagnoses), "mrdx_by_block.csv"));
        var stats = await Stats("mrdx_discharges", "--by", "chapter", "--where", "fiscal_year=2024");

        var chapters = rows.Where(r => r["chapter"] != "Total" && r["block"] == "Total").ToList();
        Assert.Equal(stats.Count, chapters.Count);
        Assert.Equal(stats.Values.Sum(), double.Parse(rows[0]["discharges"], CultureInfo.InvariantCulture));
        foreach (var chapter in chapters.Where(c => c["discharges"].Length > 0))
        {
            var blocks = rows.Where(r => r["chapter"] == chapter["chapter"] && r["block"] != "Total").ToList();
            Assert.NotEmpty(blocks);
            Assert.Equal(stats.Single(s => s.Key.StartsWith(chapter["chapter"] + ",", StringComparison.Ordinal)).Value, double.Parse(chapter["discharges"], CultureInfo.InvariantCulture));
            if (blocks.All(b => b["discharges"].Length > 0))
                Assert.Equal(chapter["discharges"], blocks.Sum(b => long.Parse(b["discharges"], CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture));
            else
                Assert.True(blocks.Count(b => b["discharges"].Length == 0) >= 2, $"chapter {chapter["chapter"]} gives away its one suppressed block");
        }
    }

    [Fact]
    public async Task Extract_WritesAManifest_WhoseHashesAndRowCountsMatchTheFiles()
    {
        var folder = await Extract(ExtractSpecs.Regions);
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json"))).RootElement;

        var files = manifest.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(
            Directory.GetFiles(folder).Select(Path.GetFileName).Where(f => f != "manifest.json").Order(StringComparer.Ordinal),
            files.Select(f => f.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(Path.Combine(folder, file.GetProperty("name").GetString()!));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.GetProperty("sha256").GetString());
            Assert.Equal(bytes.Length, file.GetProperty("bytes").GetInt64());
        }
        foreach (var table in manifest.GetProperty("tables").EnumerateArray())
        {
            var csv = CsvRows.Read(Path.Combine(folder, table.GetProperty("name").GetString() + ".csv"));
            Assert.Equal(csv.Count, table.GetProperty("rows").GetInt32());
        }
        Assert.Equal("ministry-regions", manifest.GetProperty("spec").GetProperty("name").GetString());
        Assert.Equal(SuppressionPolicy.Cihi.Threshold, manifest.GetProperty("parameters").GetProperty("suppression_policy").GetProperty("threshold").GetInt32());
        Assert.Contains("linear programming", manifest.GetProperty("suppression").GetProperty("method").GetString(), StringComparison.Ordinal);
        Assert.True(manifest.GetProperty("suppression").GetProperty("audit").GetProperty("passed").GetBoolean());
        Assert.StartsWith("HealthStats ", manifest.GetProperty("software_version").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(JsonValueKind.Null, manifest.GetProperty("data_as_of").ValueKind);
        var dictionary = CsvRows.Read(Path.Combine(folder, "data-dictionary.csv"));
        Assert.Contains(dictionary, r => r["table"] == "mortality_by_region" && r["column"] == "in_hospital_mortality" && r["unit"] == "percent");
    }

    [Fact]
    public async Task Extract_WritesByteIdenticalFiles_WhenRunTwiceOnTheSameDataAndSpec()
    {
        var first = await Extract(ExtractSpecs.Regions, "first");
        var second = await Extract(ExtractSpecs.Regions, "second");

        var names = Directory.GetFiles(first).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(names, Directory.GetFiles(second).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("discharges_by_region_sex.parquet", names);
        Assert.All(names, name => Assert.True(
            File.ReadAllBytes(Path.Combine(first, name!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second, name!))), $"{name} differs"));
    }

    [Fact]
    public void Extract_ProtectsTypicalStays_FromTheDischargesLessTheAtypicalOnes()
    {
        const string spec = """
            {
              "name": "stays",
              "fiscal_years": ["2024"],
              "suppression": { "threshold": 5, "minimum_region_population": null },
              "tables": [
                { "name": "discharges_by_region", "indicator": "discharges", "dimensions": ["region"] },
                { "name": "typical_by_region", "indicator": "alos_typical", "dimensions": ["region"] },
                { "name": "atypical_by_region", "indicator": "alos_atypical", "dimensions": ["region"] }
              ]
            }
            """;

        var built = BuildAndAudit(spec, temp.Combine("stays"));

        var tables = built.Suppressed.Tables;
        Assert.Contains(tables.Relations, r => r.Kind == "typical and atypical stays" && r.Parts.Count == 2);
        var byRegion = tables.Cells.Select((c, i) => (Cell: c, Suppressed: built.Suppressed.Reasons[i] is not null))
            .Where(c => c.Cell.Measure.Split('|')[0] is "discharges" or "typical_stays" or "atypical_stays")
            .GroupBy(c => c.Cell.Coordinates[0].Value).ToList();
        // A region with a small count of either stay type, the other and the discharges released, would give it away.
        var small = byRegion.Where(g => g.Any(c => c.Cell.Measure.Split('|')[0] != "discharges" && c.Cell.Count is >= 1 and <= 4)).ToList();
        Assert.NotEmpty(small);
        Assert.All(small, g => Assert.True(g.Where(c => c.Suppressed).Select(c => c.Cell.Measure.Split('|')[0]).Distinct().Count() >= 2,
            $"region {g.Key}: only one of its three counts is suppressed"));
    }

    [Fact]
    public void Extract_LinksTheDischargesThatMrdxAndCharlsonTablesReleaseAtTheirTotals_ToTheDischargesTable()
    {
        const string spec = """
            {
              "name": "same-discharges",
              "fiscal_years": ["2024"],
              "suppression": { "threshold": 5, "minimum_region_population": null },
              "tables": [
                { "name": "discharges_by_region", "indicator": "discharges", "dimensions": ["region"] },
                { "name": "mrdx_by_region_chapter", "indicator": "mrdx_discharges", "dimensions": ["region", "chapter"] },
                { "name": "charlson_by_sex", "indicator": "charlson_distribution", "dimensions": ["sex", "charlson"] },
                { "name": "discharges_by_sex", "indicator": "discharges", "dimensions": ["sex"] }
              ]
            }
            """;

        var built = BuildAndAudit(spec, temp.Combine("same-discharges"));

        var cells = built.Suppressed.Tables.Cells;
        var same = built.Suppressed.Tables.Relations.Where(r => r.Kind == "same discharges").ToList();
        // Every region's MRDx total is its discharges, every sex's Charlson total its discharges: one relation each.
        var regions = cells.Count(c => c.Table == "discharges_by_region");
        var sexes = cells.Count(c => c.Table == "discharges_by_sex");
        Assert.Equal(regions + sexes, same.Count);
        Assert.All(same, r => Assert.Equal(cells[r.Total].Count, cells[r.Parts[0]].Count));
        Assert.All(same, r => Assert.Contains(r.Cells, c => cells[c].Table.StartsWith("discharges_by_", StringComparison.Ordinal)));
        // The same number is suppressed in both tables or released in both.
        Assert.All(same, r => Assert.Equal(built.Suppressed.Reasons[r.Total] is null, built.Suppressed.Reasons[r.Parts[0]] is null));
    }

    [Fact]
    public async Task Extract_SuppressesEveryCellOfARegion_WhosePopulationIsUnderThePolicysMinimum()
    {
        // A copy of the shared data directory, so the other tests keep regions without populations.
        var data = temp.Combine("small-region-data");
        CopyDirectory(warehouse.Data, data);
        var regions = CsvRows.Read(Path.Combine(await Extract(ExtractSpecs.Regions, "before"), "mortality_by_region.csv"))
            .Select(r => r["region"]).Where(r => r != "Total").ToList();
        var populations = temp.Combine("regions.csv");
        // R01 is small in 2024 only: the smallest of the extract's years decides.
        File.WriteAllLines(populations, ["year,region,sex,age_start,age_end,population",
            .. regions.Select(r => $"2024,{r},T,0,,{(r == "R01" ? 19_999 : 80_000)}"), "2023,R01,T,0,,90000"]);
        Assert.Equal(0, (await CliRun.RunAsync("reference", "import-population", populations, "--year-kind", "fiscal", "--data", data)).ExitCode);

        var folder = temp.Combine("small-region");
        var run = await CliRun.RunAsync("extract", "--spec", Spec(ExtractSpecs.Regions), "--out", folder, "--data", data);

        Assert.True(run.ExitCode == 0, run.Error);
        var rows = CsvRows.Read(Path.Combine(folder, "discharges_by_region_sex.csv"));
        // R01 had 30 women and 42 discharges, released before; now nothing of it is.
        Assert.All(rows.Where(r => r["region"] == "R01"), r => Assert.Equal(("", "true"), (r["discharges"], r["discharges_suppressed"])));
        Assert.All(CsvRows.Read(Path.Combine(folder, "mortality_by_region.csv")).Where(r => r["region"] == "R01"),
            r => Assert.Equal(("", ""), (r["discharges"], r["in_hospital_mortality"])));
        Assert.Equal("135", rows.Single(r => (r["region"], r["sex"]) == ("Total", "Total"))["discharges"]);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, ExtractWriter.ManifestFile)));
        Assert.Contains("\"minimum_region_population\":20000", manifest.RootElement.GetRawText().Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var built = ExtractBuilder.Build(new WarehouseDatabase(new DataDirectory(data)), ExtractSpecReader.Parse(ExtractSpecs.Regions, "spec.json"));
        Assert.True(DisclosureAuditor.Audit(built.Publication, built.Policy).Passed);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [Fact]
    public void Extract_IsRefusedAndNothingWritten_WhenSuppressionLeavesACellRecoverable()
    {
        var spec = ExtractSpecReader.Parse(ExtractSpecs.Regions, "spec.json");
        // A broken suppression step: small counts only, no complements, so R05's 4 women are its total less its 8 men.
        SuppressionStep primaryOnly = (tables, policy, populations) =>
            new SuppressedTables(tables, policy, PrimarySuppression.Apply(tables, policy, populations), new AuditReport([], []));

        var ex = Assert.Throws<ExtractRefusedException>(() =>
            ExtractBuilder.Build(new WarehouseDatabase(new DataDirectory(warehouse.Data)), spec, primaryOnly));

        Assert.Contains("discharges_by_region_sex[region=R05, sex=F]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("narrower than 5", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_PrintsEveryProblemWithFileAndPath_AndWritesNothing_WhenTheSpecIsWrong()
    {
        var spec = Spec("""
            { "name": "m", "suppression": { "policy": "CIHI" },
              "tables": [ { "name": "t", "indicator": "discharges", "dimensions": ["ward"] }, { "name": "u", "indicator": "mortality" } ] }
            """, "wrong.json");
        var folder = temp.Combine("never");

        var run = await CliRun.RunAsync("extract", "--spec", spec, "--out", folder, "--data", warehouse.Data);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{spec}: $.tables[0].dimensions[0]: indicator 'discharges' has no dimension 'ward'", run.Error, StringComparison.Ordinal);
        Assert.Contains($"{spec}: $.tables[1].indicator: unknown indicator 'mortality'; the indicators are: discharges,", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }
}
