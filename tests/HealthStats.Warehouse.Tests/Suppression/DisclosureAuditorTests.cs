using HealthStats.Warehouse.Suppression;
using static HealthStats.Warehouse.Tests.Suppression.HandWorkedTables;

namespace HealthStats.Warehouse.Tests.Suppression;

public sealed class DisclosureAuditorTests
{
    [Fact]
    public void Audit_Fails_WhenOnlyThePrimaryCellIsSuppressed()
    {
        var tables = TwoByTwo();
        var ax = tables.IndexOf("t", "A", "X");

        var report = DisclosureAuditor.Audit(Publication.Of(tables, Flags(tables, [ax])), SuppressionPolicy.Cihi);

        Assert.False(report.Passed);
        Assert.Equal(new FeasibleInterval(ax, 2, 2), report.IntervalOf(ax));
        Assert.Equal(ax, Assert.Single(report.Findings).Cell);
    }

    [Fact]
    public void Audit_GivesTheExactInterval_WhenFourInteriorCellsAreSuppressed()
    {
        // AX = t, AY = 32 - t, BX = 42 - t, BY = 48 + t: non-negative for t from 0 to 32.
        var tables = TwoByTwo();
        string[][] interior = [["A", "X"], ["A", "Y"], ["B", "X"], ["B", "Y"]];
        var cells = interior.Select(c => tables.IndexOf("t", c)).ToList();

        var report = DisclosureAuditor.Audit(Publication.Of(tables, Flags(tables, cells)), SuppressionPolicy.Cihi);

        Assert.True(report.Passed, report.ToString());
        Assert.Equal([(0.0, 32.0), (0, 32), (10, 42), (48, 80)], cells.Select(c => (report.IntervalOf(c).Low, report.IntervalOf(c).High)));
    }

    [Fact]
    public void Audit_Fails_WhenTheIntervalIsNarrowerThanTheProtectionWidth()
    {
        // With the four interior cells suppressed AX is in [0, 32]: wide enough for 32, not for 33.
        var tables = TwoByTwo();
        var cells = new[] { tables.IndexOf("t", "A", "X"), tables.IndexOf("t", "A", "Y"), tables.IndexOf("t", "B", "X"), tables.IndexOf("t", "B", "Y") };

        Assert.True(DisclosureAuditor.Audit(Publication.Of(tables, Flags(tables, cells)), 32).Passed);
        Assert.False(DisclosureAuditor.Audit(Publication.Of(tables, Flags(tables, cells)), 33).Passed);
    }

    [Fact]
    public void Audit_Fails_WhenASuppressedCountsRateIsReleased()
    {
        var tables = TwoByTwo();
        var ax = tables.IndexOf("t", "A", "X");
        var published = Publication.Of(tables, Flags(tables, [ax]));
        var leaky = published with
        {
            Cells = published.Cells.Select((c, i) => i == ax ? c with { Derived = [new PublishedValue("rate", 0.4)] } : c).ToList(),
        };

        Assert.Contains(DisclosureAuditor.Audit(leaky, 0).Findings, f => f.Cell == ax && f.Problem.Contains("rate"));
    }

    [Fact]
    public void Audit_Fails_WhenReleasedCountsContradictARelation()
    {
        var tables = TwoByTwo();
        var published = Publication.Of(tables, new bool[tables.Cells.Count]);
        var total = tables.IndexOf("t", "Total", "Total");
        var wrong = published with { Cells = published.Cells.Select((c, i) => i == total ? c with { Count = 121 } : c).ToList() };

        Assert.Contains(DisclosureAuditor.Audit(wrong, SuppressionPolicy.Cihi).Findings, f => f.Problem.Contains("contradict"));
    }

    [Fact]
    public void Audit_AgreesWithEnumeratingEveryTable_OnSmallTwoWayTables()
    {
        // Two-way tables have totally unimodular relations, so the LP interval is the integer one.
        var random = new Random(5);
        for (var trial = 0; trial < 40; trial++)
        {
            var rows = random.Next(2, 4);
            var columns = random.Next(2, 4);
            var counts = new long[rows, columns];
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < columns; c++)
                    counts[r, c] = random.Next(0, 5);
            }
            var builder = new LinkedTablesBuilder();
            builder.AddCrossTable("t", "n",
                [Hierarchy.Flat("r", "T", Enumerable.Range(0, rows).Select(i => $"r{i}")), Hierarchy.Flat("c", "T", Enumerable.Range(0, columns).Select(i => $"c{i}"))],
                codes => counts[int.Parse(codes[0][1..]), int.Parse(codes[1][1..])]);
            var tables = builder.Build();
            var interior = Enumerable.Range(0, tables.Cells.Count).Where(i => tables.Cells[i].Coordinates.All(c => c.Value != "T")).ToList();
            var suppressed = interior.Where(_ => random.NextDouble() < 0.5).Take(3).ToList();
            if (suppressed.Count == 0)
                continue;

            var report = DisclosureAuditor.Audit(Publication.Of(tables, Flags(tables, suppressed)), 1);

            var grand = tables.Cells[tables.IndexOf("t", "T", "T")].Count;
            var feasible = Enumerate(suppressed.Count, grand)
                .Where(values => Agrees(tables, suppressed, values))
                .ToList();
            for (var k = 0; k < suppressed.Count; k++)
            {
                var interval = report.IntervalOf(suppressed[k]);
                Assert.Equal(feasible.Min(v => v[k]), interval.Low);
                Assert.Equal(feasible.Max(v => v[k]), interval.High);
            }
        }
    }

    private static IEnumerable<long[]> Enumerate(int cells, long upTo)
    {
        if (cells == 0)
        {
            yield return [];
            yield break;
        }
        foreach (var rest in Enumerate(cells - 1, upTo))
        {
            for (var v = 0L; v <= upTo; v++)
                yield return rest.Append(v).ToArray();
        }
    }

    private static bool Agrees(LinkedTables tables, List<int> suppressed, long[] values)
    {
        long Value(int cell) => suppressed.IndexOf(cell) is var k and >= 0 ? values[k] : tables.Cells[cell].Count;
        return tables.Relations.All(r => Value(r.Total) == r.Parts.Sum(Value));
    }
}
