using HealthStats.Etl.Ingest.Csv;

namespace HealthStats.Etl.Tests.Ingest;

public sealed class AbstractCsvReaderTests
{
    private const string Header = "facility_id,abstract_id,chart_number,sex,birth_date,admit_date,discharge_date,admit_category,discharge_disposition,coder_id,dx_1_code,dx_1_type";

    private static List<HealthStats.Etl.Ingest.RawAbstract> Read(string text, bool ignoreUnknown = false)
    {
        using var reader = new AbstractCsvReader(new StringReader(text), "test.csv", ignoreUnknown);
        return reader.ReadAll().ToList();
    }

    [Fact]
    public void Read_SplitsQuotedFields_WhenTheyHoldCommasQuotesAndLineBreaks()
    {
        var rows = Read(Header + "\nF1,\"A,1\",\"say \"\"hi\"\"\",F,1980-01-02,2024-05-01,2024-05-03,U,05,\"C\n1\",J18.9,M\n");

        var row = Assert.Single(rows);
        Assert.Null(row.StructureError);
        Assert.Equal("A,1", row.AbstractId);
        Assert.Equal("say \"hi\"", row.ChartNumber);
        Assert.Equal("C\n1", row.CoderId);
        Assert.Equal(2, row.Line);
    }

    [Fact]
    public void Read_IgnoresTheByteOrderMark_WhenTheFileStartsWithOne()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, Header + "\nF1,A1,C1,F,1980-01-02,2024-05-01,2024-05-03,U,05,C1,J18.9,M\n", new System.Text.UTF8Encoding(true));
            using var reader = new AbstractCsvReader(path);
            var row = Assert.Single(reader.ReadAll());
            Assert.Equal("F1", row.FacilityId);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_HandlesCrlfLineEnds_AndCountsLinesFromTheHeader()
    {
        var rows = Read(Header + "\r\nF1,A1,C1,F,1980-01-02,2024-05-01,2024-05-03,U,05,C1,J18.9,M\r\nF1,A2,C2,M,1980-01-02,2024-05-01,2024-05-03,U,05,C1,J44.1,M\r\n");

        Assert.Equal(2, rows.Count);
        Assert.Equal("M", rows[1].Diagnoses[0].Type);
        Assert.Equal(3, rows[1].Line);
        Assert.DoesNotContain(rows, r => r.CoderId!.Contains('\r', StringComparison.Ordinal));
    }

    [Fact]
    public void Read_GivesNull_WhenACellIsEmpty()
    {
        var rows = Read(Header + ",postal_code\nF1,A1,C1,F,1980-01-02,2024-05-01,2024-05-03,U,05,C1,J18.9,M,\n");

        Assert.Null(Assert.Single(rows).PostalCode);
    }

    [Fact]
    public void Read_MatchesColumnNamesCaseInsensitivelyInAnyOrder()
    {
        var rows = Read("DX_1_TYPE,Dx_1_Code,Coder_ID,discharge_disposition,admit_category,discharge_date,admit_date,birth_date,sex,chart_number,abstract_id,FACILITY_ID\n" +
                        "M,J18.9,C1,05,U,2024-05-03,2024-05-01,1980-01-02,F,C1,A1,F1\n");

        var row = Assert.Single(rows);
        Assert.Equal("F1", row.FacilityId);
        Assert.Equal(("J18.9", "M"), row.Diagnoses[0]);
    }

    [Fact]
    public void Open_FailsNamingTheColumn_WhenARequiredColumnIsMissing()
    {
        var error = Assert.Throws<CsvFormatException>(() => Read(Header.Replace(",coder_id", "", StringComparison.Ordinal) + "\n"));

        Assert.Contains("coder_id", error.Message, StringComparison.Ordinal);
        Assert.Contains("test.csv, line 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_FailsNamingTheColumn_WhenAColumnIsUnknown()
    {
        var error = Assert.Throws<CsvFormatException>(() => Read(Header + ",favourite_colour\n"));

        Assert.Contains("favourite_colour", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_AcceptsUnknownColumns_WhenToldToIgnoreThem()
    {
        var rows = Read(Header + ",favourite_colour\nF1,A1,C1,F,1980-01-02,2024-05-01,2024-05-03,U,05,C1,J18.9,M,blue\n", ignoreUnknown: true);

        Assert.Equal("F1", Assert.Single(rows).FacilityId);
    }

    [Fact]
    public void Open_Fails_WhenTheFileIsEmpty()
    {
        Assert.Throws<CsvFormatException>(() => Read(""));
    }

    [Fact]
    public void Read_MarksTheRecordMalformed_WhenItHasTooFewFields()
    {
        var row = Assert.Single(Read(Header + "\nF1,A1,C1\n"));

        Assert.Contains("3 fields", row.StructureError, StringComparison.Ordinal);
        Assert.Equal("F1,A1,C1", row.RawText);
    }

    [Fact]
    public void Read_MarksTheRecordMalformed_WhenAQuoteIsNeverClosed()
    {
        var row = Assert.Single(Read(Header + "\nF1,\"A1,C1,F,1980-01-02,2024-05-01,2024-05-03,U,05,C1,J18.9,M\n"));

        Assert.NotNull(row.StructureError);
    }

    [Fact]
    public void Read_SkipsBlankLines()
    {
        var rows = Read(Header + "\n\nF1,A1,C1,F,1980-01-02,2024-05-01,2024-05-03,U,05,C1,J18.9,M\n\n");

        Assert.Equal(3, Assert.Single(rows).Line);
    }
}
