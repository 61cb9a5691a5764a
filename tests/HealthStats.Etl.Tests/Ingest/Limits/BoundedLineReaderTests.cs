using HealthStats.Etl.Ingest;
using HealthStats.Etl.Ingest.Limits;

namespace HealthStats.Etl.Tests.Ingest.Limits;

public sealed class BoundedLineReaderTests
{
    private static List<(string Line, long? LongLength)> ReadAll(string text, int maxChars = InputLimits.MaxLineChars)
    {
        var reader = new BoundedLineReader(new StringReader(text), "test.csv", maxChars);
        var lines = new List<(string, long?)>();
        while (reader.ReadLine() is { } line)
            lines.Add((line, reader.LastLineLength));
        return lines;
    }

    [Theory]
    [InlineData("a\nb\n")]
    [InlineData("a\r\nb")]
    [InlineData("a\rb\r\n")]
    public void ReadLine_SplitsLikeTextReader_WhenLineEndsVary(string text)
    {
        var expected = new List<string>();
        using (var reader = new StringReader(text))
        {
            while (reader.ReadLine() is { } line)
                expected.Add(line);
        }

        Assert.Equal(expected, ReadAll(text).Select(l => l.Line));
    }

    [Theory]
    [InlineData(65_535)]
    [InlineData(65_536)]
    [InlineData(65_537)]
    public void ReadLine_KeepsCrLfAsOneLineEnd_WhenItStraddlesTheBuffer(int firstLength)
    {
        var text = new string('x', firstLength) + "\r\n" + new string('y', 70_000) + "\r\nlast";

        var lines = ReadAll(text);

        Assert.Equal([firstLength, 70_000, 4], lines.Select(l => l.Line.Length));
        Assert.All(lines, l => Assert.Null(l.LongLength));
    }

    [Fact]
    public void ReadLine_KeepsOnlyTheLimit_AndTellsTheLength_WhenALineIsTooLong()
    {
        var lines = ReadAll("short\n" + new string('z', 200_000) + "\nafter\n", maxChars: 1_000);

        Assert.Equal(["short", new string('z', 1_000), "after"], lines.Select(l => l.Line));
        Assert.Equal([null, 200_000L, null], lines.Select(l => l.LongLength));
    }

    [Theory]
    [InlineData("ok\nbad\0line\n", "test.csv, line 2: character 4 is a NUL")]
    [InlineData("ok\nok\nbad\uFFFD\n", "test.csv, line 3: character 4 is not valid UTF-8")]
    public void ReadLine_FailsTheFile_NamingTheLine_WhenTheTextIsNotUtf8Text(string text, string message)
    {
        var error = Assert.Throws<AbstractFormatException>(() => ReadAll(text));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
