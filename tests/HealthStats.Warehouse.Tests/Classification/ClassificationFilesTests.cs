using System.Text;
using HealthStats.TestSupport;
using HealthStats.Warehouse.Classification;

namespace HealthStats.Warehouse.Tests.Classification;

public sealed class ClassificationFilesTests : IDisposable
{
    // Built to the CMS layout: order 1-5, code 7-13, flag 15, short title 17-76, long title from 78.
    private static readonly string CholeraHeader = CmsLine(1, "A00", false, "Cholera", "Cholera");
    private static readonly string CholeraCode = CmsLine(2, "A000", true, "Cholera due to Vibrio cholerae 01, biovar cholerae", "Cholera due to Vibrio cholerae 01, biovar cholerae (long)");

    private readonly TempDirectory temp = new("cls-files");

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("j18.9", "J189")]
    [InlineData(" S72.001A ", "S72001A")]
    [InlineData("z38 00", "Z3800")]
    [InlineData("0DTJ4ZZ", "0DTJ4ZZ")]
    public void NormaliseCode_RemovesDotsAndSpacesAndUpperCases_WhenCodeIsWrittenLoosely(string code, string expected) =>
        Assert.Equal(expected, ClassificationFiles.NormaliseCode(code));

    [Fact]
    public void NormaliseCode_ReturnsTheSameString_WhenCodeIsNormalAlready()
    {
        var code = "J189";
        Assert.Same(code, ClassificationFiles.NormaliseCode(code));
    }

    [Fact]
    public void ReadCmsOrder_ReadsHeadersCodesAndLongTitles_WhenLinesEndWithCrlf()
    {
        var path = Write("order.txt", CholeraHeader + "\r\n" + CholeraCode + "\r\n");

        var codes = ClassificationFiles.ReadCmsOrder(path).ToList();

        Assert.Equal(
            [
                new ClassificationCode("A00", "Cholera", false),
                new ClassificationCode("A000", "Cholera due to Vibrio cholerae 01, biovar cholerae (long)", true),
            ],
            codes);
    }

    [Fact]
    public void ReadCmsOrder_UsesTheShortTitle_WhenLineEndsBeforeTheLongTitle()
    {
        var path = Write("order.txt", "00001 A00     0 Cholera\n");

        var code = Assert.Single(ClassificationFiles.ReadCmsOrder(path));

        Assert.Equal(new ClassificationCode("A00", "Cholera", false), code);
    }

    [Fact]
    public void ReadCmsOrder_SkipsBlankLinesAndBom_WhenFileHasThem()
    {
        var path = Write("order.txt", "\uFEFF" + CholeraHeader + "\r\n\r\n" + CholeraCode + "\r\n\r\n");

        var codes = ClassificationFiles.ReadCmsOrder(path).Select(c => c.Code).ToList();

        Assert.Equal(["A00", "A000"], codes);
    }

    [Fact]
    public void ReadCmsOrder_ThrowsNamingFileAndLine_WhenLineIsTooShort()
    {
        var path = Write("order.txt", CholeraHeader + "\r\n00002 A000\r\n");

        var error = Assert.Throws<ClassificationFileException>(() => ClassificationFiles.ReadCmsOrder(path).ToList());

        Assert.Equal(path, error.File);
        Assert.Equal(2, error.Line);
        Assert.Contains("order.txt, line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCmsOrder_ThrowsNamingFileLineAndField_WhenBillableFlagIsNotZeroOrOne()
    {
        var bad = CholeraCode[..14] + "X" + CholeraCode[15..];
        var path = Write("order.txt", CholeraHeader + "\r\n" + bad + "\r\n");

        var error = Assert.Throws<ClassificationFileException>(() => ClassificationFiles.ReadCmsOrder(path).ToList());

        Assert.Equal((path, 2, "billable"), (error.File, error.Line, error.Field));
        Assert.Contains("line 2, field billable", error.Message, StringComparison.Ordinal);
        Assert.Contains("'X'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCmsOrder_ThrowsOnOrderNumber_WhenColumnsAreShifted()
    {
        var path = Write("order.txt", " " + CholeraHeader + "\n");

        var error = Assert.Throws<ClassificationFileException>(() => ClassificationFiles.ReadCmsOrder(path).ToList());

        Assert.Equal((1, "order number"), (error.Line, error.Field));
    }

    [Fact]
    public void ReadCmsOrder_Throws_WhenFileDoesNotExist() =>
        Assert.Throws<FileNotFoundException>(() => ClassificationFiles.ReadCmsOrder(temp.Combine("missing.txt")));

    [Fact]
    public void ReadCsv_ReadsOptionalChapterAndBlock_WhenHeaderNamesThemInAnyCase()
    {
        var path = Write("codes.csv", "Code,TITLE,Billable,Chapter,Block\r\nJ18.9,\"Pneumonia, unspecified organism\",1,X,J09-J18\r\nJ18,Pneumonia,0,,\r\n");

        var codes = ClassificationFiles.ReadCsv(path).ToList();

        Assert.Equal(
            [
                new ClassificationCode("J189", "Pneumonia, unspecified organism", true, "X", "J09-J18"),
                new ClassificationCode("J18", "Pneumonia", false),
            ],
            codes);
    }

    [Fact]
    public void ReadCsv_ReadsQuotedFields_WhenTitlesHoldQuotesCommasAndLineBreaks()
    {
        var path = Write("codes.csv", "title,code,billable\n\"Say \"\"ah\"\", then\nbreathe\",R06.89,true\n");

        var code = Assert.Single(ClassificationFiles.ReadCsv(path));

        Assert.Equal(new ClassificationCode("R0689", "Say \"ah\", then\nbreathe", true), code);
    }

    [Fact]
    public void ReadCsv_ReadsHeader_WhenFileStartsWithBom()
    {
        var path = temp.Combine("bom.csv");
        File.WriteAllText(path, "code,title,billable\r\nI21.4,Non-ST elevation (NSTEMI) myocardial infarction,1\r\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var code = Assert.Single(ClassificationFiles.ReadCsv(path));

        Assert.Equal("I214", code.Code);
    }

    [Fact]
    public void ReadCsv_CountsPhysicalLines_WhenEarlierRecordSpansLines()
    {
        var path = Write("codes.csv", "code,title,billable\nA00,\"two\nlines\",0\nA000,Cholera,maybe\n");

        var error = Assert.Throws<ClassificationFileException>(() => ClassificationFiles.ReadCsv(path).ToList());

        Assert.Equal((path, 4, "billable"), (error.File, error.Line, error.Field));
        Assert.Contains("'maybe'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCsv_ThrowsNamingTheColumn_WhenHeaderLacksBillable()
    {
        var path = Write("codes.csv", "code,title\nA00,Cholera\n");

        var error = Assert.Throws<ClassificationFileException>(() => ClassificationFiles.ReadCsv(path).ToList());

        Assert.Equal((1, "billable"), (error.Line, error.Field));
    }

    [Fact]
    public void ReadCsv_Throws_WhenRecordHasFewerFieldsThanHeader()
    {
        var path = Write("codes.csv", "code,title,billable\nA00,Cholera\n");

        var error = Assert.Throws<ClassificationFileException>(() => ClassificationFiles.ReadCsv(path).ToList());

        Assert.Equal(2, error.Line);
        Assert.Contains("expected 3 fields", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCsv_Throws_WhenQuotedFieldIsNotClosed()
    {
        var path = Write("codes.csv", "code,title,billable\nA00,\"Cholera,0\n");

        var error = Assert.Throws<ClassificationFileException>(() => ClassificationFiles.ReadCsv(path).ToList());

        Assert.Equal(2, error.Line);
        Assert.Contains("not closed", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("J18/9")]
    [InlineData("J18,9")]
    public void ReadCsv_ThrowsOnCode_WhenCodeHoldsPunctuation(string code)
    {
        var path = Write("codes.csv", $"code,title,billable\n\"{code}\",Pneumonia,1\n");

        var error = Assert.Throws<ClassificationFileException>(() => ClassificationFiles.ReadCsv(path).ToList());

        Assert.Equal((2, "code"), (error.Line, error.Field));
    }

    [Fact]
    public void ReadCsv_Throws_WhenFileIsEmpty()
    {
        var path = Write("codes.csv", "");

        var error = Assert.Throws<ClassificationFileException>(() => ClassificationFiles.ReadCsv(path).ToList());

        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Read_TellsTheFormat_WhenFormatIsNull()
    {
        var order = Write("order.txt", CholeraHeader + "\r\n");
        var csv = Write("codes.txt", "code,title,billable\nA00,Cholera,0\n");

        Assert.Equal("A00", Assert.Single(ClassificationFiles.Read(order, null)).Code);
        Assert.Equal("A00", Assert.Single(ClassificationFiles.Read(csv, null)).Code);
    }

    [Fact]
    public void Read_Throws_WhenFormatIsUnknown()
    {
        var path = Write("codes.csv", "code,title,billable\n");

        var error = Assert.Throws<ArgumentException>(() => ClassificationFiles.Read(path, "xml"));

        Assert.Contains("cms-order", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Throws_WhenFormatCannotBeTold()
    {
        var path = Write("codes.txt", "hello world\n");

        var error = Assert.Throws<ClassificationFileException>(() => ClassificationFiles.Read(path, null));

        Assert.Contains("cannot tell the format", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCsv_ReadsFromTextReader_WhenGivenAStream()
    {
        using var reader = new StringReader("code,title,billable\nZ38.00,\"Single liveborn infant, delivered vaginally\",1\n");

        var code = Assert.Single(ClassificationFiles.ReadCsv(reader, "upload"));

        Assert.Equal(new ClassificationCode("Z3800", "Single liveborn infant, delivered vaginally", true), code);
    }

    private static string CmsLine(int order, string code, bool billable, string shortTitle, string longTitle) =>
        $"{order:00000} {code,-7} {(billable ? '1' : '0')} {shortTitle,-60} {longTitle}";

    private string Write(string name, string content)
    {
        var path = temp.Combine(name);
        File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }
}
