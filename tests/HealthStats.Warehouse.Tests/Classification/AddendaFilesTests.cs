using HealthStats.TestSupport;
using HealthStats.Warehouse.Classification;
using static HealthStats.Warehouse.Tests.Classification.AddendaLines;

namespace HealthStats.Warehouse.Tests.Classification;

public sealed class AddendaFilesTests : IDisposable
{
    private readonly TempDirectory temp = new("addenda-files");

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Read_ReadsFlagsAndLongTitles_WhenFileIsCmOrderAddenda()
    {
        var path = Write(
            Order("Delete:", true, "B880", "Other acariasis"),
            Order("Add:", false, "B880", "Other acariasis"),
            Order("Add:", true, "B8801", "Infestation by Demodex mites"),
            Order("Revise from:", true, "P096", "Abnormal findings on neonatal screening for neonatal hearing loss, a title longer than sixty"),
            Order("Revise to:", true, "P096", "Abnormal findings on neonatal hearing screening"),
            "",
            "Codes",
            "  74260 codes in icd10cm_order_2025.txt",
            "    487 additions",
            "of which",
            "     38 revisions to both long and short titles");

        var entries = AddendaFiles.Read(path);

        Assert.Equal(
            [
                new AddendumEntry(1, AddendumChange.Delete, "B880", true, "Other acariasis"),
                new AddendumEntry(2, AddendumChange.Add, "B880", false, "Other acariasis"),
                new AddendumEntry(3, AddendumChange.Add, "B8801", true, "Infestation by Demodex mites"),
                new AddendumEntry(4, AddendumChange.ReviseFrom, "P096", true, "Abnormal findings on neonatal screening for neonatal hearing loss, a title longer than sixty"),
                new AddendumEntry(5, AddendumChange.ReviseTo, "P096", true, "Abnormal findings on neonatal hearing screening"),
            ],
            entries);
    }

    [Fact]
    public void Read_TakesSevenCharacterCodesAsBillable_WhenFileIsPcsOrderAddenda()
    {
        var path = Write(
            PcsOrder("Add:", "09X", "Ear, Nose, Sinus, Transfer"),
            PcsOrder("Add:", "09XK0Z1", "Transfer Nasal Mucosa and Soft Tissue to Frontal Bone, Open Approach"),
            PcsOrder("Delete:", "XW03306", "Introduction of Brexanolone into Peripheral Vein, Percutaneous Approach, New Technology Group 6"));

        var entries = AddendaFiles.Read(path);

        Assert.Equal(
            [
                new AddendumEntry(1, AddendumChange.Add, "09X", false, "Ear, Nose, Sinus, Transfer"),
                new AddendumEntry(2, AddendumChange.Add, "09XK0Z1", true, "Transfer Nasal Mucosa and Soft Tissue to Frontal Bone, Open Approach"),
                new AddendumEntry(3, AddendumChange.Delete, "XW03306", true, "Introduction of Brexanolone into Peripheral Vein, Percutaneous Approach, New Technology Group 6"),
            ],
            entries);
    }

    [Fact]
    public void Read_TakesTheWholeTitle_WhenFileIsCmCodesAddenda()
    {
        var longTitle = "Varus deformity, not elsewhere classified, unspecified hip, a title that runs past the long-title column";
        var path = Write(
            Codes("Delete:", "D71", "Functional disorders of polymorphonuclear neutrophils"),
            Codes("Add:", "D711", "Leukocyte adhesion deficiency"),
            Codes("Revise from:", "M21159", "Varus deformity, not elsewhere classified, unspecified"),
            Codes("Revise to:", "M21159", longTitle));

        var entries = AddendaFiles.Read(path);

        Assert.Equal(
            [
                new AddendumEntry(1, AddendumChange.Delete, "D71", true, "Functional disorders of polymorphonuclear neutrophils"),
                new AddendumEntry(2, AddendumChange.Add, "D711", true, "Leukocyte adhesion deficiency"),
                new AddendumEntry(3, AddendumChange.ReviseFrom, "M21159", true, "Varus deformity, not elsewhere classified, unspecified"),
                new AddendumEntry(4, AddendumChange.ReviseTo, "M21159", true, longTitle),
            ],
            entries);
    }

    [Fact]
    public void Read_NamesFileLineAndField_WhenALineIsNotAnAddendaLine()
    {
        var path = Write(Codes("Add:", "D711", "Leukocyte adhesion deficiency"), Codes("Change:", "D718", "Other functional disorders"));

        var error = Assert.Throws<ClassificationFileException>(() => AddendaFiles.Read(path));

        Assert.Equal((path, 2, "change"), (error.File, error.Line, error.Field));
        Assert.Contains("unknown addenda line starting 'Change:'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NamesTheLine_WhenACountLineComesBeforeTheSummary()
    {
        var path = Write(Codes("Add:", "D711", "Leukocyte adhesion deficiency"), "  487 additions");

        var error = Assert.Throws<ClassificationFileException>(() => AddendaFiles.Read(path));

        Assert.Equal((2, "change"), (error.Line, error.Field));
    }

    [Fact]
    public void Read_NamesTheLine_WhenReviseToDoesNotFollowItsReviseFrom()
    {
        var path = Write(Codes("Revise from:", "P096", "Old title"), Codes("Revise to:", "P097", "New title"));

        var error = Assert.Throws<ClassificationFileException>(() => AddendaFiles.Read(path));

        Assert.Equal((2, "change"), (error.Line, error.Field));
        Assert.Contains("does not follow a 'Revise from:' line for the same code", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NamesTheBillableField_WhenAFlaggedFileHasABadFlag()
    {
        var path = Write(Order("Add:", true, "B8801", "Infestation by Demodex mites"), Order("Add:", true, "B8809", "Other acariasis").Remove(13, 1).Insert(13, "2"));

        var error = Assert.Throws<ClassificationFileException>(() => AddendaFiles.Read(path));

        Assert.Equal((2, "billable"), (error.Line, error.Field));
        Assert.StartsWith(path + ", line 2, field billable:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Fails_WhenFileHoldsNoChanges()
    {
        var path = Write("Codes", "  74260 codes in icd10cm_order_2025.txt");

        var error = Assert.Throws<ClassificationFileException>(() => AddendaFiles.Read(path));

        Assert.Contains("holds no Add:, Delete:", error.Message, StringComparison.Ordinal);
    }

    [SharedDataFact]
    public void Read_ReadsEveryChangeOfTheCmsFiles_WhenGivenTheThreeForms()
    {
        var cmOrder = AddendaFiles.Read(SharedData.Path("icd10cm", "icd10cm_order_addenda_2026.txt"));
        var cmCodes = AddendaFiles.Read(SharedData.Path("icd10cm", "icd10cm_codes_addenda_2026.txt"));
        var pcsOrder = AddendaFiles.Read(SharedData.Path("icd10pcs", "icd10pcs_order_addenda_2026.txt"));

        // The counts each file's own summary states.
        Assert.Equal((630, 28, 45), Counts(cmOrder));
        Assert.Equal((487, 28, 38), Counts(cmCodes));
        Assert.Equal((160, 27, 1), Counts(pcsOrder));
        Assert.Contains(new AddendumEntry(10, AddendumChange.Add, "D71", false, "Functional disorders of polymorphonuclear neutrophils"), cmOrder);
        Assert.All(pcsOrder, e => Assert.Equal(e.Code.Length == 7, e.Billable));
        Assert.All(cmCodes, e => Assert.True(e.Billable));
    }

    private static (int Add, int Delete, int Revise) Counts(IReadOnlyList<AddendumEntry> entries) =>
        (entries.Count(e => e.Change == AddendumChange.Add), entries.Count(e => e.Change == AddendumChange.Delete), entries.Count(e => e.Change == AddendumChange.ReviseTo));

    private string Write(params string[] lines)
    {
        var path = temp.Combine($"addenda-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n");
        return path;
    }
}
