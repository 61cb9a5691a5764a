namespace HealthStats.Etl.Generation;

/// <summary>
/// Writes abstracts as JSON Lines (formats.md section 2): the values the CSV writer writes, under the
/// same names, with diagnoses and interventions as arrays and alc_days as a number. Absent values are
/// left out, as the CSV leaves their cells empty.
/// </summary>
internal sealed class AbstractJsonLinesWriter(TextWriter output) : IAbstractWriter
{
    private readonly JsonLineOutput _out = new(output);

    public void WriteHeader()
    {
    }

    public void Write(StayRecord s)
    {
        _out.Begin();
        var json = _out.Json;
        json.WriteStartObject();
        json.WriteString("facility_id", s.Facility.Id);
        var line = _out.Scratch;
        AbstractCsvWriter.AbstractId(line, s);
        json.WriteString("abstract_id", line.Text);
        json.WriteString("action", "A");
        line = _out.Scratch;
        AbstractCsvWriter.ChartNumber(line, s.Facility, s.PatientId);
        json.WriteString("chart_number", line.Text);
        line = _out.Scratch;
        AbstractCsvWriter.HealthCardNumber(line, s.PatientId);
        json.WriteString("health_card_number", line.Text);
        _out.Char("sex", s.Sex);
        _out.Date("birth_date", s.BirthDay);
        line = _out.Scratch;
        AbstractCsvWriter.PostalCode(line, s);
        json.WriteString("postal_code", line.Text);
        json.WriteString("residence_region", Geography.RegionCodes[s.Region]);
        _out.Date("admit_date", s.AdmitDay);
        _out.Time("admit_time", s.AdmitMinute);
        _out.Date("discharge_date", s.DischargeDay);
        _out.Time("discharge_time", s.DischargeMinute);
        _out.Char("admit_category", s.AdmitCategory);
        json.WriteString("discharge_disposition", s.Disposition);
        if (s.InstitutionFrom is not null)
            json.WriteString("institution_from", s.InstitutionFrom.Id);
        if (s.InstitutionTo is not null)
            json.WriteString("institution_to", s.InstitutionTo.Id);
        json.WriteNumber("alc_days", s.AlcDays);
        json.WriteString("coder_id", s.Facility.CoderIds[s.Coder]);
        _out.Date("abstract_completed_date", s.CompletedDay);
        json.WriteStartArray("diagnoses");
        for (var i = 0; i < s.DxCount; i++)
        {
            json.WriteStartObject();
            json.WriteString("code", s.DxCodes[i]);
            _out.Char("type", s.DxTypes[i]);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("interventions");
        for (var i = 0; i < s.PxCount; i++)
        {
            json.WriteStartObject();
            json.WriteString("code", s.PxCodes[i]);
            _out.Date("date", s.PxDays[i]);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        _out.WriteLine();
    }
}
