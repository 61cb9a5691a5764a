using System.Globalization;
using HealthStats.TestSupport;
using HealthStats.Warehouse.Reference;
using HealthStats.Warehouse.Statistics;
using Xunit.Abstractions;

namespace HealthStats.Warehouse.Tests.Statistics;

/// <summary>
/// Reproduces CDC WONDER's published US cancer incidence rates, 1999-2015 (../shared/data/worked_examples):
/// the age-adjusted rates by sex and for both sexes, from the published age-specific counts and
/// populations and the 2000 US standard population (../shared/data/stdpop, NCHS single-age groups summed
/// into SEER's 19 groups), and their published confidence limits.
/// </summary>
public sealed class WorkedExamplesTests(ITestOutputHelper output)
{
    // Rates are published to 0.1: a rate that rounds to the published one is at most 0.05 away.
    private const double RateTolerance = 0.05 + 1e-9;

    [SharedDataFact]
    public void AgeAdjustedRates_ReproduceCdcWonder_ToOneDecimal() => Reproduce(Us2000Standard(), "NCHS 2000 US standard");

    [SharedDataFact]
    public void AgeAdjustedRates_ReproduceCdcWonder_WithTheStandardAsTheImporterReadsIt()
    {
        // The SEER file's "2000 U.S. Std Million (19 age groups)", read by reference import-standard-population's reader.
        var standard = StandardPopulationFile.Read(SharedData.Path("stdpop", "rads_reference_pop_19_age_groups.csv"), "2000 U.S. Std Million (19 age groups)")
            .Single().Groups.Select(g => g.Population).ToArray();

        Assert.Equal(19, standard.Length);
        Reproduce(standard, "SEER 2000 US Std Million, imported");
    }

    private void Reproduce(double[] standard, string standardName)
    {
        var specific = CdcWonderTable.Read(SharedData.Path("worked_examples", "cdcwonder_us_cancer_incidence_age_specific_by_sex_1999-2015.txt"));
        var codes = specific.Select(r => r["Age Groups Code"]).Distinct().ToList();
        Assert.Equal(19, codes.Count);

        List<AgeStratum> Strata(IEnumerable<Dictionary<string, string>> rows) => rows
            .GroupBy(r => codes.IndexOf(r["Age Groups Code"]))
            .OrderBy(g => g.Key)
            .Select(g => new AgeStratum((long)g.Sum(r => r.Number("Count")), g.Sum(r => r.Number("Population")), standard[g.Key]))
            .ToList();

        var cases = new List<(string Label, Dictionary<string, string> Published, List<AgeStratum> Strata)>();
        foreach (var row in CdcWonderTable.Read(SharedData.Path("worked_examples", "cdcwonder_us_cancer_incidence_age_adjusted_by_sex_1999-2015.txt")))
            cases.Add(($"{row["Year"]} {row["Sex Code"]}", row, Strata(specific.Where(r => r["Year"] == row["Year"] && r["Sex Code"] == row["Sex Code"]))));
        foreach (var row in CdcWonderTable.Read(SharedData.Path("worked_examples", "cdcwonder_us_cancer_incidence_age_adjusted_1999-2015.txt")))
            cases.Add(($"{row["Year"]} both", row, Strata(specific.Where(r => r["Year"] == row["Year"]))));
        Assert.Equal(17 * 3, cases.Count);

        double worstRate = 0, worstLimit = 0, worstCrude = 0;
        string worstRateCase = "", worstLimitCase = "", worstCrudeCase = "";
        foreach (var (label, published, strata) in cases)
        {
            Assert.Equal(published.Number("Count"), strata.Sum(s => s.Count));
            var rate = DirectStandardisation.Rate(strata, 100_000);
            var crude = PoissonInterval.ForRate(strata.Sum(s => s.Count), strata.Sum(s => s.Population), 100_000);

            var rateDifference = Math.Abs(rate.Value - published.Number("Age-Adjusted Rate"));
            Assert.True(rateDifference <= RateTolerance, $"{label}: age-adjusted rate {rate.Value:F3}, published {published["Age-Adjusted Rate"]}");
            Track(ref worstRate, ref worstRateCase, rateDifference, label);
            Track(ref worstRate, ref worstRateCase, Math.Abs(crude.Value - published.Number("Crude Rate")), label + " crude");

            Track(ref worstLimit, ref worstLimitCase, Math.Abs(rate.Low - published.Number("Age-Adjusted Rate Lower 95% Confidence Interval")), label + " lower");
            Track(ref worstLimit, ref worstLimitCase, Math.Abs(rate.High - published.Number("Age-Adjusted Rate Upper 95% Confidence Interval")), label + " upper");
            Track(ref worstCrude, ref worstCrudeCase, Math.Abs(crude.Low - published.Number("Crude Rate Lower 95% Confidence Interval")), label + " crude lower");
            Track(ref worstCrude, ref worstCrudeCase, Math.Abs(crude.High - published.Number("Crude Rate Upper 95% Confidence Interval")), label + " crude upper");
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{standardName}: largest differences from CDC WONDER over {cases.Count} rates: rate {worstRate:F4} ({worstRateCase}), " +
            $"age-adjusted limit {worstLimit:F4} ({worstLimitCase}), crude limit {worstCrude:F4} ({worstCrudeCase})"));

        // Limits are published to 0.1 as well; CDC WONDER's method for them (Tiwari's modified gamma) differs
        // from Fay-Feuer's in the added weight, which is negligible at these counts.
        Assert.True(worstLimit <= RateTolerance, $"age-adjusted limit off by {worstLimit:F4} ({worstLimitCase})");
        Assert.True(worstCrude <= RateTolerance, $"crude limit off by {worstCrude:F4} ({worstCrudeCase})");
    }

    private static void Track(ref double worst, ref string worstCase, double difference, string label)
    {
        if (difference > worst)
        {
            worst = difference;
            worstCase = label;
        }
    }

    // The 2000 US standard million in SEER's 19 groups: the NCHS groups (in thousands) summed by their "seer" column.
    private static double[] Us2000Standard()
    {
        var lines = File.ReadAllLines(SharedData.Path("stdpop", "us2000_std_pop_nchs_sn20_thousands.csv"));
        var header = lines[0].Split(',');
        int master = Array.IndexOf(header, "master"), seer = Array.IndexOf(header, "seer");
        var groups = new double[19];
        foreach (var line in lines.Skip(1).Where(l => l.Trim().Length > 0))
        {
            var cells = line.TrimEnd('\r').Split(',');
            groups[int.Parse(cells[seer], CultureInfo.InvariantCulture) - 1] += double.Parse(cells[master], CultureInfo.InvariantCulture);
        }
        Assert.Equal(274_634, groups.Sum());
        return groups;
    }
}
