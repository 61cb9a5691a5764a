using HealthStats.TestSupport;
using HealthStats.Warehouse.Classification;

namespace HealthStats.Warehouse.Tests.Classification;

public sealed class IcdStructureTests
{
    // The medicalcoder transcription has one damaged title; the embedded structure corrects it.
    private static readonly Dictionary<string, string> CorrectedTitles = new(StringComparer.Ordinal)
    {
        ["Diseases of the ear and mastoid 0 ocess"] = "Diseases of the ear and mastoid process",
    };

    [Theory]
    [InlineData("J18.9", "X", "J09-J18")]
    [InlineData("I21.4", "IX", "I20-I25")]
    [InlineData("S72.001A", "XIX", "S70-S79")]
    [InlineData("O80", "XV", "O80-O84")]
    [InlineData("Z38.00", "XXI", "Z30-Z39")]
    [InlineData("U07.1", "XXII", "U00-U49")]
    [InlineData("U09.9", "XXII", "U00-U49")]
    [InlineData("C4A.9", "II", "C43-C4A")]
    [InlineData("C45.0", "II", "C45-C49")]
    [InlineData("C7A.00", "II", "C7A-C7A")]
    [InlineData("D3A.00", "II", "D3A-D3A")]
    [InlineData("D49.9", "II", "D49-D49")]
    [InlineData("E08.9", "IV", "E08-E14")]
    [InlineData("M1A.00X0", "XIII", "M05-M14")]
    [InlineData("O9A.111", "XV", "O94-O9A")]
    [InlineData("QA0.0101", "XVII", "QA0-QA0")]
    [InlineData("V00.01XA", "XX", "V00-V09")]
    [InlineData("Y99.8", "XX", "Y90-Y99")]
    public void FindChapterAndBlock_ReturnExpected_WhenGivenADiagnosisCode(string code, string chapter, string block)
    {
        Assert.Equal(chapter, IcdStructure.FindChapter(code)?.Id);
        Assert.Equal(block, IcdStructure.FindBlock(code)?.Id);
        Assert.Equal(chapter, IcdStructure.FindBlock(code)?.ChapterId);
    }

    [Fact]
    public void FindBlock_GivesTitles_WhenBlockIsKnown()
    {
        Assert.Equal("Influenza and pneumonia", IcdStructure.FindBlock("J189")?.Title);
        Assert.Equal("Diseases of the respiratory system", IcdStructure.FindChapter("J189")?.Title);
    }

    [Theory]
    [InlineData("J1")]
    [InlineData("")]
    [InlineData("123")]
    [InlineData("ZZZ")]
    public void FindChapterAndBlock_ReturnNull_WhenCodeHasNoKnownCategory(string code)
    {
        Assert.Null(IcdStructure.FindChapter(code));
        Assert.Null(IcdStructure.FindBlock(code));
    }

    [Fact]
    public void Blocks_LieInsideTheirChapter_WhenEmbedded()
    {
        Assert.Equal(22, IcdStructure.Chapters.Count);
        foreach (var block in IcdStructure.Blocks)
        {
            var chapter = IcdStructure.ChapterById(block.ChapterId);
            Assert.NotNull(chapter);
            Assert.True(string.CompareOrdinal(chapter.FirstCategory, block.FirstCategory) <= 0
                && string.CompareOrdinal(block.LastCategory, chapter.LastCategory) <= 0, $"{block} outside {chapter}");
        }
    }

    [Fact]
    public void PcsSections_HoldTheSeventeenSections_WhenEmbedded()
    {
        Assert.Equal("0 1 2 3 4 5 6 7 8 9 B C D F G H X", string.Join(' ', IcdStructure.PcsSections.Select(s => s.Id)));
        Assert.Equal("Medical and Surgical", IcdStructure.FindPcsSection("0DTJ4ZZ")?.Title);
        Assert.Equal("New Technology", IcdStructure.FindPcsSection("XW033E5")?.Title);
    }

    [SharedDataFact]
    public void EveryCategory_HasExactlyOneChapterAndOneBlock_WhenTakenFromTheCmOrderFile()
    {
        var categories = File.ReadLines(SharedData.Path("icd10cm", "icd10cm_order_2026.txt"))
            .Where(line => line.Length > 13)
            .Select(line => line.Substring(6, 3))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Contains("U07", categories);
        Assert.Contains("U09", categories);

        var problems = new List<string>();
        foreach (var category in categories.Order(StringComparer.Ordinal))
        {
            // Scan every range, not the binary search under test, so overlaps show up too.
            var chapters = IcdStructure.Chapters.Where(c => Holds(c.FirstCategory, c.LastCategory, category)).ToList();
            var blocks = IcdStructure.Blocks.Where(b => Holds(b.FirstCategory, b.LastCategory, category)).ToList();
            if (chapters.Count != 1 || blocks.Count != 1 || blocks[0].ChapterId != chapters[0].Id)
                problems.Add($"{category}: chapters [{string.Join(',', chapters.Select(c => c.Id))}] blocks [{string.Join(',', blocks.Select(b => b.Id))}]");
            else
                Assert.Same(blocks[0], IcdStructure.FindBlock(category));
        }
        Assert.Empty(problems);
    }

    [SharedDataFact]
    public void WhoChaptersAndBlocks_MatchTheMedicalcoderTable_WhenEmbedded()
    {
        var rows = File.ReadLines(SharedData.Path("icd10cm", "icd_chapters_subchapters_medicalcoder.dat"))
            .Select(line => line.Split(';').Select(f => f.Trim()).ToArray())
            .Where(f => f[0] == "10" && f[1] == "1")
            .ToList();
        var whoChapters = rows.Where(f => f[2].Length > 0).ToList();
        var whoBlocks = rows.Where(f => f[2].Length == 0).ToList();
        Assert.Equal(22, whoChapters.Count);

        foreach (var f in whoChapters)
        {
            var chapter = IcdStructure.ChapterById(f[2]);
            Assert.NotNull(chapter);
            Assert.Equal($"{f[4]}-{f[5]}", chapter.WhoRange);
            Assert.Equal(Corrected(f[7][(f[2].Length + 2)..]), chapter.Title);
        }

        // Every WHO block is embedded, under its own id or the wider ICD-10-CM one, with its WHO title.
        foreach (var f in whoBlocks)
        {
            var ranges = IcdStructure.Blocks.Where(b => b.WhoBlock == f[3]).ToList();
            Assert.NotEmpty(ranges);
            Assert.All(ranges, b => Assert.EndsWith(b.Title, f[7], StringComparison.Ordinal));
            if (ranges.Count == 1 && ranges[0].Id == f[3])
                Assert.Equal((f[4], f[5]), (ranges[0].FirstCategory, ranges[0].LastCategory));
        }
        Assert.Equal(whoBlocks.Count, IcdStructure.Blocks.Where(b => b.WhoBlock is not null).Select(b => b.WhoBlock).Distinct().Count());
    }

    private static bool Holds(string first, string last, string category) =>
        string.CompareOrdinal(first, category) <= 0 && string.CompareOrdinal(category, last) <= 0;

    private static string Corrected(string title) => CorrectedTitles.GetValueOrDefault(title, title);
}
