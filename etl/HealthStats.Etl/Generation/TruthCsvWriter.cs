namespace HealthStats.Etl.Generation;

/// <summary>
/// Writes the audit outcome of every abstract (formats.md section 3): correct, or miscoded with the error
/// type and the true diagnosis coding. The reviewer is the generator itself.
/// </summary>
internal sealed class TruthCsvWriter
{
    public const string ReviewerId = "GEN";

    public static readonly string[] Columns =
        ["facility_id", "abstract_id", "outcome", "error_type", "corrected_codes", "reviewer_id", "reviewed_date"];

    private readonly TextWriter _writer;
    private readonly CsvLine _line = new();

    public TruthCsvWriter(TextWriter writer)
    {
        _writer = writer;
    }

    public void WriteHeader()
    {
        _line.Clear();
        _line.Raw(string.Join(',', Columns));
        _line.WriteLineTo(_writer);
    }

    public void Write(StayRecord s, string? errorType)
    {
        var line = _line;
        line.Clear();
        line.Raw(s.Facility.Id);
        line.Comma();
        AbstractCsvWriter.AbstractId(line, s);
        if (errorType is null)
        {
            line.Raw(",correct,,,");
        }
        else
        {
            line.Raw(",miscoded,");
            line.Raw(errorType);
            line.Comma();
            for (var i = 0; i < s.TrueDxCount; i++)
            {
                if (i > 0)
                    line.Append(';');
                line.Raw(s.TrueDxCodes[i]);
                line.Append(':');
                line.Append(s.TrueDxTypes[i]);
            }
            line.Comma();
        }
        line.Raw(ReviewerId);
        line.Comma();
        line.WriteLineTo(_writer);
    }
}
