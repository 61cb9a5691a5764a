namespace HealthStats.Etl.Generation;

/// <summary>Writes abstracts in the exchange format (formats.md section 1), every column, LF line ends.</summary>
internal sealed class AbstractCsvWriter : IAbstractWriter
{
    private readonly TextWriter _writer;
    private readonly CsvLine _line = new();

    public AbstractCsvWriter(TextWriter writer)
    {
        _writer = writer;
    }

    public static readonly string[] Columns = BuildColumns();

    public void WriteHeader()
    {
        _line.Clear();
        for (var i = 0; i < Columns.Length; i++)
        {
            if (i > 0)
                _line.Comma();
            _line.Raw(Columns[i]);
        }
        _line.WriteLineTo(_writer);
    }

    public void Write(StayRecord s)
    {
        var line = _line;
        line.Clear();
        line.Raw(s.Facility.Id);
        line.Comma();
        AbstractId(line, s);
        line.Raw(",A,");
        ChartNumber(line, s.Facility, s.PatientId);
        line.Comma();
        HealthCardNumber(line, s.PatientId);
        line.Comma();
        line.Append(s.Sex);
        line.Comma();
        line.Date(s.BirthDay);
        line.Comma();
        PostalCode(line, s);
        line.Comma();
        line.Raw(Geography.RegionCodes[s.Region]);
        line.Comma();
        line.Date(s.AdmitDay);
        line.Comma();
        line.Time(s.AdmitMinute);
        line.Comma();
        line.Date(s.DischargeDay);
        line.Comma();
        line.Time(s.DischargeMinute);
        line.Comma();
        line.Append(s.AdmitCategory);
        line.Comma();
        line.Raw(s.Disposition);
        line.Comma();
        line.Field(s.InstitutionFrom?.Id);
        line.Comma();
        line.Field(s.InstitutionTo?.Id);
        line.Comma();
        line.Number(s.AlcDays);
        line.Comma();
        line.Raw(s.Facility.CoderIds[s.Coder]);
        line.Comma();
        line.Date(s.CompletedDay);
        for (var i = 0; i < s.DxCount; i++)
        {
            line.Comma();
            line.Field(s.DxCodes[i]);
            line.Comma();
            line.Append(s.DxTypes[i]);
        }
        line.Commas(2 * (StayRecord.MaxDiagnoses - s.DxCount));
        for (var i = 0; i < s.PxCount; i++)
        {
            line.Comma();
            line.Field(s.PxCodes[i]);
            line.Comma();
            line.Date(s.PxDays[i]);
        }
        line.Commas(2 * (StayRecord.MaxInterventions - s.PxCount));
        line.WriteLineTo(_writer);
    }

    /// <summary>The facility's id for the stay: discharge fiscal year, the extract's tag and a running number.</summary>
    public static void AbstractId(CsvLine line, StayRecord s)
    {
        line.Number(s.FiscalYear, 4);
        line.Append('-');
        foreach (var c in s.ExtractTag)
            line.Append(c);
        line.Number(s.Sequence, 6);
    }

    /// <summary>The full postal code: the region's FSA, a space and the LDU.</summary>
    public static void PostalCode(CsvLine line, StayRecord s)
    {
        line.Raw(Geography.Fsas[s.Region][s.Fsa]);
        line.Append(' ');
        Span<char> ldu = stackalloc char[3];
        Geography.WriteLdu(s.Ldu, ldu);
        line.Raw(ldu);
    }

    /// <summary>
    /// A 7-digit chart number, stable per patient at a facility: an affine permutation of the patient id
    /// modulo 10^7, so two patients never share one. Ids beyond 10^7 get 8 or more digits.
    /// </summary>
    public static void ChartNumber(CsvLine line, Facility facility, int patientId)
    {
        if (patientId < FacilityRoster.ChartSpace)
        {
            var chart = ((patientId * facility.ChartMultiplier) + facility.ChartOffset) % FacilityRoster.ChartSpace;
            line.Number(chart, 7);
        }
        else
        {
            line.Number(patientId);
        }
    }

    /// <summary>
    /// A 10-digit health card number: nine digits permuted from the patient id (first digit 1-9) and a
    /// Luhn check digit, as provincial cards carry.
    /// </summary>
    public static void HealthCardNumber(CsvLine line, int patientId)
    {
        const long space = 900_000_000;
        var body = 100_000_000 + ((((long)patientId * 2_654_435_761L) + 123_456_789L) % space);
        line.Number(body, 9);
        line.Append((char)('0' + LuhnCheckDigit(body)));
    }

    public static int LuhnCheckDigit(long body)
    {
        var sum = 0;
        var doubleIt = true;
        for (var n = body; n > 0; n /= 10)
        {
            var d = (int)(n % 10);
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                    d -= 9;
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (10 - (sum % 10)) % 10;
    }

    private static string[] BuildColumns()
    {
        var columns = new List<string>
        {
            "facility_id", "abstract_id", "action", "chart_number", "health_card_number", "sex", "birth_date",
            "postal_code", "residence_region", "admit_date", "admit_time", "discharge_date", "discharge_time",
            "admit_category", "discharge_disposition", "institution_from", "institution_to", "alc_days",
            "coder_id", "abstract_completed_date",
        };
        for (var i = 1; i <= StayRecord.MaxDiagnoses; i++)
        {
            columns.Add($"dx_{i}_code");
            columns.Add($"dx_{i}_type");
        }
        for (var i = 1; i <= StayRecord.MaxInterventions; i++)
        {
            columns.Add($"px_{i}_code");
            columns.Add($"px_{i}_date");
        }
        return [.. columns];
    }
}
