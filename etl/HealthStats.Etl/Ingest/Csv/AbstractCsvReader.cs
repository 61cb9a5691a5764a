using System.Text;

namespace HealthStats.Etl.Ingest.Csv;

/// <summary>
/// Reads abstracts from a CSV file in the layout of formats.md section 1, one at a time.
/// A leading BOM is ignored; empty cells are absent values.
/// </summary>
public sealed class AbstractCsvReader : IAbstractSource
{
    private readonly string fileName;
    private readonly TextReader text;
    private readonly CsvRowReader rows;
    private readonly AbstractCsvHeader header;
    private readonly int?[] scalarOrdinals;
    private readonly (int? Code, int? Type)[] diagnosisOrdinals;
    private readonly (int? Code, int? Date)[] interventionOrdinals;

    public AbstractCsvReader(string path, bool ignoreUnknownColumns = false)
        : this(new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16),
               Path.GetFileName(path), ignoreUnknownColumns)
    {
    }

    public AbstractCsvReader(TextReader text, string fileName, bool ignoreUnknownColumns = false)
    {
        this.text = text;
        this.fileName = fileName;
        rows = new CsvRowReader(text, fileName);
        var first = rows.Read() ?? throw new CsvFormatException(fileName, 1, "the file is empty: a header row is required");
        if (rows.LastError is { } headerError)
            throw new CsvFormatException(fileName, 1, $"the header row cannot be read: {headerError}");
        var names = first.Fields;
        if (names.Length > 0 && names[0].Length > 0 && names[0][0] == '\uFEFF')
            names[0] = names[0][1..]; // a BOM the decoder did not take (e.g. a doubled one)
        header = AbstractCsvHeader.Parse(fileName, names, ignoreUnknownColumns);
        scalarOrdinals = AbstractColumns.Scalars.Select(header.Ordinal).ToArray();
        diagnosisOrdinals = Enumerable.Range(1, AbstractColumns.MaxDiagnoses)
            .Select(n => (header.Ordinal(AbstractColumns.DiagnosisCode(n)), header.Ordinal(AbstractColumns.DiagnosisType(n))))
            .Where(o => o.Item1 is not null || o.Item2 is not null)
            .ToArray();
        interventionOrdinals = Enumerable.Range(1, AbstractColumns.MaxInterventions)
            .Select(n => (header.Ordinal(AbstractColumns.InterventionCode(n)), header.Ordinal(AbstractColumns.InterventionDate(n))))
            .Where(o => o.Item1 is not null || o.Item2 is not null)
            .ToArray();
    }

    public string FileName => fileName;

    public string Format => "csv";

    public IEnumerable<RawAbstract> ReadAll()
    {
        while (Read() is { } record)
            yield return record;
    }

    public RawAbstract? Read()
    {
        CsvRow? row;
        do
        {
            row = rows.Read();
            if (row is null)
                return null;
        }
        while (IsBlank(row));

        string? error = rows.LastError;
        if (error is null && row.Fields.Length != header.Width
            && !(row.Fields.Length == header.Width + 1 && row.Fields[^1].Length == 0))
            error = $"the record has {row.Fields.Length} fields where the header has {header.Width}";
        var record = new RawAbstract { Line = row.Line, RawText = row.RawText, StructureError = error };
        if (error is not null)
            return record;

        var f = row.Fields;
        string? Get(int? ordinal) => ordinal is int i && i < f.Length && f[i].Length > 0 ? f[i] : null;
        var s = scalarOrdinals;
        record.FacilityId = Get(s[0]);
        record.AbstractId = Get(s[1]);
        record.Action = Get(s[2]);
        record.ChartNumber = Get(s[3]);
        record.HealthCardNumber = Get(s[4]);
        record.Sex = Get(s[5]);
        record.BirthDate = Get(s[6]);
        record.PostalCode = Get(s[7]);
        record.ResidenceRegion = Get(s[8]);
        record.AdmitDate = Get(s[9]);
        record.AdmitTime = Get(s[10]);
        record.DischargeDate = Get(s[11]);
        record.DischargeTime = Get(s[12]);
        record.AdmitCategory = Get(s[13]);
        record.DischargeDisposition = Get(s[14]);
        record.InstitutionFrom = Get(s[15]);
        record.InstitutionTo = Get(s[16]);
        record.AlcDays = Get(s[17]);
        record.CoderId = Get(s[18]);
        record.AbstractCompletedDate = Get(s[19]);
        foreach (var (code, type) in diagnosisOrdinals)
            record.Diagnoses.Add((Get(code), Get(type)));
        foreach (var (code, date) in interventionOrdinals)
            record.Interventions.Add((Get(code), Get(date)));
        return record;
    }

    private static bool IsBlank(CsvRow row) => row.Fields.Length == 1 && row.Fields[0].Length == 0;

    public void Dispose() => text.Dispose();
}
