using System.Diagnostics;
using HealthStats.Warehouse.Suppression;
using Xunit.Abstractions;

namespace HealthStats.Warehouse.Tests.Suppression;

/// <summary>
/// Properties over many random extracts (fixed seeds: a failure names its seed, and
/// RandomExtract.Generate(seed) rebuilds that extract).
/// </summary>
public sealed class RandomTablesTests(ITestOutputHelper output)
{
    private const int Extracts = 150;

    [Fact]
    public void Apply_AlwaysPassesTheAudit_AndKeepsEveryPrimaryCellAndReleasedCount()
    {
        var watch = Stopwatch.StartNew();
        var complements = 0;
        for (var seed = 1; seed <= Extracts; seed++)
        {
            var extract = RandomExtract.Generate(seed);
            var tables = extract.Tables;
            var primary = PrimarySuppression.Apply(tables, extract.Policy, extract.Populations);

            var result = TableSuppression.Apply(tables, extract.Policy, extract.Populations);
            var published = result.Publish();

            // The auditor again, on nothing but what is published.
            var audit = DisclosureAuditor.Audit(published, extract.Policy);
            Assert.True(audit.Passed, $"{extract}: {audit}");
            Assert.All(audit.Intervals, i => Assert.True(i.Width >= extract.Policy.RequiredWidth, $"{extract}: {i}"));
            for (var i = 0; i < tables.Cells.Count; i++)
            {
                if (primary[i] is not null)
                    Assert.True(result.Reasons[i] == primary[i], $"{extract}: primary cell {tables.Cells[i].Label} became {result.Reasons[i]}");
                else
                    Assert.True(result.Reasons[i] is null or SuppressionReason.Complementary, $"{extract}: {tables.Cells[i].Label}");
                Assert.Equal(result.IsSuppressed(i) ? null : tables.Cells[i].Count, published.Cells[i].Count);
            }
            complements += result.CountOf(SuppressionReason.Complementary);
        }
        output.WriteLine($"{Extracts} extracts, {complements} complementary cells, {watch.Elapsed.TotalSeconds:F1} s");
        Assert.True(complements > 0, "the random extracts should need some complementary suppression");
    }

    [Fact]
    public void Audit_Fails_OnEveryRandomExtractThatNeededComplements_WithOnlyPrimarySuppression()
    {
        var failed = 0;
        for (var seed = 1; seed <= Extracts; seed++)
        {
            var extract = RandomExtract.Generate(seed);
            var primary = PrimarySuppression.Apply(extract.Tables, extract.Policy, extract.Populations);
            var underSuppressed = DisclosureAuditor.Audit(Publication.Of(extract.Tables, primary.Select(r => r is not null).ToList()), extract.Policy);
            var result = TableSuppression.Apply(extract.Tables, extract.Policy, extract.Populations);

            Assert.Equal(result.CountOf(SuppressionReason.Complementary) > 0, !underSuppressed.Passed);
            failed += underSuppressed.Passed ? 0 : 1;
        }
        output.WriteLine($"the auditor failed {failed} of {Extracts} extracts with only primary suppression");
        Assert.True(failed >= Extracts / 4, $"only {failed} under-suppressed extracts failed");
    }

    [Fact]
    public void Apply_KeepsNoComplementaryCellThatCouldBeReleased()
    {
        for (var seed = 1; seed <= Extracts / 3; seed++)
        {
            var extract = RandomExtract.Generate(seed);
            var result = TableSuppression.Apply(extract.Tables, extract.Policy, extract.Populations);
            var flags = result.Reasons.Select(r => r is not null).ToArray();
            foreach (var cell in Enumerable.Range(0, flags.Length).Where(i => result.Reasons[i] == SuppressionReason.Complementary))
            {
                flags[cell] = false;
                Assert.False(DisclosureAuditor.Audit(Publication.Of(extract.Tables, flags), extract.Policy).Passed,
                    $"{extract}: {extract.Tables.Cells[cell].Label} could be released");
                flags[cell] = true;
            }
        }
    }

    [Fact]
    public void QuickAudit_PassesExactlyWhenTheExactAuditPasses_OnRandomSuppressionPatterns()
    {
        // Suppression decides with the quick audit, which skips cells already seen to be wide enough.
        for (var seed = 1; seed <= Extracts; seed++)
        {
            var extract = RandomExtract.Generate(seed);
            var random = new Random(seed);
            var primary = PrimarySuppression.Apply(extract.Tables, extract.Policy, extract.Populations);
            var flags = primary.Select(r => r is not null || random.NextDouble() < 0.3).ToList();
            var publication = Publication.Of(extract.Tables, flags);

            var exact = DisclosureAuditor.Audit(publication, extract.Policy.RequiredWidth);
            var quick = DisclosureAuditor.Audit(publication, extract.Policy.RequiredWidth, exactIntervals: false);

            Assert.Equal(exact.Findings.Select(f => f.Cell), quick.Findings.Select(f => f.Cell));
        }
    }

    [Fact]
    public void Apply_GivesTheSameSuppression_ForTheSameTables()
    {
        for (var seed = 1; seed <= 10; seed++)
        {
            var first = TableSuppression.Apply(RandomExtract.Generate(seed).Tables, SuppressionPolicy.Hcup);
            var second = TableSuppression.Apply(RandomExtract.Generate(seed).Tables, SuppressionPolicy.Hcup);
            Assert.Equal(first.Reasons, second.Reasons);
        }
    }
}
