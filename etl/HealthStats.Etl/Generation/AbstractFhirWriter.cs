using HealthStats.Etl.Ingest.Fhir;

namespace HealthStats.Etl.Generation;

/// <summary>
/// Writes abstracts as FHIR R4 NDJSON, one collection Bundle per line holding the Patient, the
/// Encounter, its Conditions and Procedures, mapped as etl/HealthStats.Etl/Ingest/Fhir/README.md says,
/// so that ingest reads back exactly the values the CSV writer writes. It writes the JSON directly
/// (Utf8JsonWriter) rather than building the library's objects: a million bundles in reasonable time.
/// </summary>
internal sealed class AbstractFhirWriter(TextWriter output) : IAbstractWriter
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
        json.WriteString("resourceType", "Bundle");
        json.WriteString("type", "collection");
        json.WriteStartArray("entry");
        WritePatient(s);
        WriteEncounter(s);
        for (var i = 0; i < s.DxCount; i++)
            WriteCondition(s, i);
        for (var i = 0; i < s.PxCount; i++)
            WriteProcedure(s, i);
        json.WriteEndArray();
        json.WriteEndObject();
        _out.WriteLine();
    }

    private void WritePatient(StayRecord s)
    {
        var json = _out.Json;
        json.WriteStartObject();
        json.WriteStartObject("resource");
        json.WriteString("resourceType", "Patient");
        json.WriteString("id", "patient");
        json.WriteStartArray("extension");
        json.WriteStartObject();
        json.WriteString("url", FhirNames.ResidenceRegionExtension);
        json.WriteString("valueCode", Geography.RegionCodes[s.Region]);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartArray("identifier");
        var line = _out.Scratch;
        AbstractCsvWriter.ChartNumber(line, s.Facility, s.PatientId);
        WriteIdentifier(FhirNames.MedicalRecordNumber, FhirNames.ChartNumberSystem, line.Text);
        line = _out.Scratch;
        AbstractCsvWriter.HealthCardNumber(line, s.PatientId);
        WriteIdentifier(FhirNames.JurisdictionalHealthNumber, FhirNames.HealthCardSystem, line.Text);
        json.WriteEndArray();
        json.WriteString("gender", s.Sex switch { 'M' => "male", 'F' => "female", 'O' => "other", _ => "unknown" });
        _out.Date("birthDate", s.BirthDay);
        json.WriteStartArray("address");
        json.WriteStartObject();
        json.WriteString("use", "home");
        line = _out.Scratch;
        AbstractCsvWriter.PostalCode(line, s);
        json.WriteString("postalCode", line.Text);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private void WriteIdentifier(string typeCode, string system, ReadOnlySpan<char> value)
    {
        var json = _out.Json;
        json.WriteStartObject();
        json.WriteStartObject("type");
        WriteCoding(FhirNames.IdentifierTypeSystem, typeCode);
        json.WriteEndObject();
        json.WriteString("system", system);
        json.WriteString("value", value);
        json.WriteEndObject();
    }

    private void WriteEncounter(StayRecord s)
    {
        var json = _out.Json;
        json.WriteStartObject();
        json.WriteStartObject("resource");
        json.WriteString("resourceType", "Encounter");
        json.WriteString("id", "encounter");
        json.WriteStartArray("extension");
        json.WriteStartObject();
        json.WriteString("url", FhirNames.AlcDaysExtension);
        json.WriteNumber("valueInteger", s.AlcDays);
        json.WriteEndObject();
        json.WriteStartObject();
        json.WriteString("url", FhirNames.CoderIdExtension);
        json.WriteString("valueString", s.Facility.CoderIds[s.Coder]);
        json.WriteEndObject();
        json.WriteStartObject();
        json.WriteString("url", FhirNames.AbstractCompletedDateExtension);
        _out.Date("valueDate", s.CompletedDay);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartArray("identifier");
        json.WriteStartObject();
        json.WriteString("use", "official");
        json.WriteString("system", FhirNames.AbstractIdSystem);
        var line = _out.Scratch;
        AbstractCsvWriter.AbstractId(line, s);
        json.WriteString("value", line.Text);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteString("status", "finished");
        json.WriteStartObject("class");
        json.WriteString("system", FhirNames.ActCodeSystem);
        json.WriteString("code", "IMP");
        json.WriteEndObject();
        WriteReference("subject", "Patient/patient");
        json.WriteStartObject("period");
        WriteDateTime("start", s.AdmitDay, s.AdmitMinute);
        WriteDateTime("end", s.DischargeDay, s.DischargeMinute);
        json.WriteEndObject();
        json.WriteStartArray("diagnosis");
        for (var i = 0; i < s.DxCount; i++)
        {
            json.WriteStartObject();
            json.WriteStartArray("extension");
            json.WriteStartObject();
            json.WriteString("url", FhirNames.DiagnosisTypeExtension);
            _out.Char("valueCode", s.DxTypes[i]);
            json.WriteEndObject();
            json.WriteEndArray();
            line = _out.Scratch;
            line.Raw("Condition/dx-");
            line.Number(i + 1);
            json.WriteStartObject("condition");
            json.WriteString("reference", line.Text);
            json.WriteEndObject();
            json.WriteStartObject("use");
            json.WriteStartArray("coding");
            json.WriteStartObject();
            json.WriteString("system", FhirNames.DiagnosisRoleSystem);
            json.WriteString("code", s.DxTypes[i] == 'M' ? "DD" : "CM");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteNumber("rank", i + 1);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("hospitalization");
        if (s.InstitutionFrom is not null)
            WriteOrganisation("origin", s.InstitutionFrom.Id);
        WriteConcept("admitSource", FhirNames.AdmitCategorySystem, [s.AdmitCategory]);
        if (s.InstitutionTo is not null)
            WriteOrganisation("destination", s.InstitutionTo.Id);
        WriteConcept("dischargeDisposition", FhirNames.DischargeDispositionSystem, s.Disposition);
        json.WriteEndObject();
        WriteOrganisation("serviceProvider", s.Facility.Id);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private void WriteCondition(StayRecord s, int i)
    {
        var json = _out.Json;
        json.WriteStartObject();
        json.WriteStartObject("resource");
        json.WriteString("resourceType", "Condition");
        var line = _out.Scratch;
        line.Raw("dx-");
        line.Number(i + 1);
        json.WriteString("id", line.Text);
        WriteConcept("code", FhirNames.Icd10Cm, s.DxCodes[i]);
        WriteReference("subject", "Patient/patient");
        WriteReference("encounter", "Encounter/encounter");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private void WriteProcedure(StayRecord s, int i)
    {
        var json = _out.Json;
        json.WriteStartObject();
        json.WriteStartObject("resource");
        json.WriteString("resourceType", "Procedure");
        var line = _out.Scratch;
        line.Raw("px-");
        line.Number(i + 1);
        json.WriteString("id", line.Text);
        json.WriteString("status", "completed");
        WriteConcept("code", FhirNames.Icd10Pcs, s.PxCodes[i]);
        WriteReference("subject", "Patient/patient");
        WriteReference("encounter", "Encounter/encounter");
        _out.Date("performedDateTime", s.PxDays[i]);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private void WriteConcept(string name, string system, ReadOnlySpan<char> code)
    {
        var json = _out.Json;
        json.WriteStartObject(name);
        WriteCoding(system, code);
        json.WriteEndObject();
    }

    private void WriteCoding(string system, ReadOnlySpan<char> code)
    {
        var json = _out.Json;
        json.WriteStartArray("coding");
        json.WriteStartObject();
        json.WriteString("system", system);
        json.WriteString("code", code);
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private void WriteReference(string name, string reference)
    {
        var json = _out.Json;
        json.WriteStartObject(name);
        json.WriteString("reference", reference);
        json.WriteEndObject();
    }

    private void WriteOrganisation(string name, string id)
    {
        var json = _out.Json;
        json.WriteStartObject(name);
        json.WriteStartObject("identifier");
        json.WriteString("system", FhirNames.FacilitySystem);
        json.WriteString("value", id);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// A FHIR dateTime: the facility's clock time with the offset FHIR requires on a time. The generated
    /// facilities are in Ontario, so the offset is Eastern time's, by the North American rule since 2007
    /// (second Sunday in March to first Sunday in November); the reader keeps the clock time, not the offset.
    /// </summary>
    private void WriteDateTime(string name, int dayNumber, int minute)
    {
        var line = _out.Scratch;
        line.Date(dayNumber);
        line.Append('T');
        line.Time(minute);
        line.Raw(":00");
        line.Raw(IsEasternDaylightTime(dayNumber, minute) ? "-04:00" : "-05:00");
        _out.Json.WriteString(name, line.Text);
    }

    internal static bool IsEasternDaylightTime(int dayNumber, int minute)
    {
        var date = DateOnly.FromDayNumber(dayNumber);
        var start = NthSunday(date.Year, 3, 2);
        var end = NthSunday(date.Year, 11, 1);
        var day = date.DayNumber;
        if (day == start.DayNumber)
            return minute >= 120;
        if (day == end.DayNumber)
            return minute < 120;
        return day > start.DayNumber && day < end.DayNumber;
    }

    private static DateOnly NthSunday(int year, int month, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)DayOfWeek.Sunday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (n - 1)));
    }
}
