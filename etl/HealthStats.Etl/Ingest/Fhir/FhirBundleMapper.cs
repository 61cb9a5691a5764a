using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;

namespace HealthStats.Etl.Ingest.Fhir;

/// <summary>
/// Maps FHIR R4 bundles to raw abstracts, field by field as README.md in this folder says. Whatever
/// stops a bundle from being one abstract (JSON the FHIR library refuses, no Encounter, two Patients, a
/// diagnosis pointing to a Condition that is not there) becomes the record's StructureError, so the
/// record is quarantined rather than the file failing. Messages name where, never a value: they are
/// shown by `quarantine list`, and the library's own messages quote values, so those (and any number) are blanked.
/// </summary>
internal sealed partial class FhirBundleMapper(FhirReaderOptions options)
{
    private static readonly HashSet<string> MainDiagnosisUses = new(StringComparer.OrdinalIgnoreCase) { "AD", "DD", "billing" };

    private readonly FhirJsonDeserializer deserializer = new();

    /// <summary>One NDJSON line: a bundle holding exactly one abstract.</summary>
    public RawAbstract MapLine(string json, long line)
    {
        var record = new RawAbstract { Line = line, RawText = json };
        var where = $"line {line}";
        if (Deserialize(json, where, out var error) is not { } bundle)
        {
            record.StructureError = error;
            return record;
        }
        try
        {
            var index = new BundleIndex(bundle);
            var encounters = index.Entries.Where(e => e.Resource is Encounter).ToList();
            var patients = index.Entries.Count(e => e.Resource is Patient);
            error ??= BundleTypeError(bundle, where);
            if (encounters.Count == 0)
                error ??= $"{where}: the bundle holds no Encounter";
            else if (encounters.Count > 1)
                error ??= $"{where}: the bundle holds {encounters.Count} Encounters where a line holds one abstract (name the file .fhir.json to read it as one bundle of many)";
            if (patients > 1)
                error ??= $"{where}: the bundle holds {patients} Patients where an abstract has one";
            if (encounters.Count > 0)
            {
                var procedures = index.Entries.Where(e => e.Resource is Procedure).ToList();
                Fill(record, index, encounters[0], procedures, where, ref error);
            }
        }
        catch (CodedException ex)
        {
            // A partial result throws where the library refused an element; the refusal is the reason.
            error ??= Describe(ex, where);
        }
        record.StructureError = error;
        return record;
    }

    /// <summary>
    /// A single bundle holding many abstracts: one per Encounter, with the Conditions its diagnoses
    /// point to and the Procedures that point to it. A record's line is its Encounter's position in
    /// Bundle.entry, counting from 1; problems that belong to no Encounter come as records of their own.
    /// </summary>
    public List<RawAbstract> MapSingleBundle(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            return [FileProblem(json, $"the file is not valid JSON (line {(ex.LineNumber ?? 0) + 1}, character {(ex.BytePositionInLine ?? 0) + 1})")];
        }
        using (document)
        {
            var rawEntries = document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("entry", out var entryArray) && entryArray.ValueKind == JsonValueKind.Array
                ? entryArray.EnumerateArray().Select(e => e.GetRawText()).ToList()
                : [];
            var issues = new List<CodedException>();
            Bundle? bundle;
            try
            {
                bundle = DeserializeWithIssues(json, issues);
            }
            catch (JsonException ex)
            {
                return [FileProblem(json, $"the file is not valid JSON ({ex.Message})")];
            }
            if (bundle is null)
                return [FileProblem(json, issues.Count > 0 ? Describe(issues[0], "the bundle") : "the file is not a FHIR Bundle")];
            try
            {
                if (issues.FirstOrDefault(i => EntryOf(i) is null) is { } bundleIssue)
                    return [FileProblem(json, Describe(bundleIssue, "the bundle"))];
                if (BundleTypeError(bundle, "the bundle") is { } typeError)
                    return [FileProblem(json, typeError)];
                return MapEntries(json, bundle, rawEntries, issues);
            }
            catch (CodedException ex)
            {
                return [FileProblem(json, Describe(ex, "the bundle"))];
            }
        }
    }

    private static RawAbstract FileProblem(string json, string error) => new() { Line = 0, RawText = json, StructureError = error };

    private List<RawAbstract> MapEntries(string json, Bundle bundle, List<string> rawEntries, List<CodedException> issues)
    {
        var records = new List<RawAbstract>();
        var entryErrors = issues.GroupBy(i => EntryOf(i)!.Value).ToDictionary(g => g.Key, g => Describe(g.First(), $"entry[{g.Key}]"));
        var index = new BundleIndex(bundle);
        var procedures = new Dictionary<BundleIndex.Entry, List<BundleIndex.Entry>>();
        foreach (var entry in index.Entries.Where(e => e.Resource is Encounter))
            procedures[entry] = [];
        var singleEncounter = procedures.Count == 1 ? procedures.Keys.First() : null;
        foreach (var entry in index.Entries.Where(e => e.Resource is Procedure))
        {
            ResourceReference? reference = null;
            BundleIndex.Entry? owner = null;
            try
            {
                reference = ((Procedure)entry.Resource).Encounter;
                owner = reference is null ? singleEncounter : index.Resolve(reference);
            }
            catch (CodedException)
            {
                // Its entry's error is reported below, with the record of its own.
            }
            if (owner is not null && procedures.TryGetValue(owner, out var list))
            {
                list.Add(entry);
                continue;
            }
            records.Add(new RawAbstract
            {
                Line = entry.Position + 1, RawText = rawEntries.ElementAtOrDefault(entry.Position) ?? "",
                StructureError = entryErrors.GetValueOrDefault(entry.Position) ?? (reference is null
                    ? $"entry[{entry.Position}]: the Procedure has no encounter reference, and the bundle holds {procedures.Count} Encounters"
                    : $"entry[{entry.Position}]: the Procedure's encounter reference points to no Encounter in the bundle"),
            });
        }
        if (procedures.Count == 0)
            records.Add(FileProblem(json, "the bundle holds no Encounter"));
        foreach (var (encounter, itsProcedures) in procedures)
        {
            var where = $"entry[{encounter.Position}]";
            string? error = null;
            var record = new RawAbstract { Line = encounter.Position + 1, RawText = "" };
            var used = new HashSet<int> { encounter.Position };
            try
            {
                Fill(record, index, encounter, itsProcedures, where, ref error, used);
            }
            catch (CodedException ex)
            {
                error ??= Describe(ex, where);
            }
            // A refused element of any of its entries is the abstract's first problem.
            if (used.Order().Select(p => entryErrors.GetValueOrDefault(p)).FirstOrDefault(e => e is not null) is { } entryError)
                error = entryError;
            record.StructureError = error;
            records.Add(WithRawText(record, used.Order().Select(p => rawEntries.ElementAtOrDefault(p) ?? "null")));
        }
        return records;
    }

    /// <summary>The abstract's own entries as a bundle of their own: what a facility gets back to correct.</summary>
    private static RawAbstract WithRawText(RawAbstract record, IEnumerable<string> entries)
    {
        var text = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");
        text.AppendJoin(',', entries);
        text.Append("]}");
        var copy = new RawAbstract
        {
            Line = record.Line, RawText = text.ToString(), StructureError = record.StructureError,
            FacilityId = record.FacilityId, AbstractId = record.AbstractId, Action = record.Action, ChartNumber = record.ChartNumber,
            HealthCardNumber = record.HealthCardNumber, Sex = record.Sex, BirthDate = record.BirthDate, PostalCode = record.PostalCode,
            ResidenceRegion = record.ResidenceRegion, AdmitDate = record.AdmitDate, AdmitTime = record.AdmitTime,
            DischargeDate = record.DischargeDate, DischargeTime = record.DischargeTime, AdmitCategory = record.AdmitCategory,
            DischargeDisposition = record.DischargeDisposition, InstitutionFrom = record.InstitutionFrom, InstitutionTo = record.InstitutionTo,
            AlcDays = record.AlcDays, CoderId = record.CoderId, AbstractCompletedDate = record.AbstractCompletedDate,
        };
        copy.Diagnoses.AddRange(record.Diagnoses);
        copy.Interventions.AddRange(record.Interventions);
        return copy;
    }

    private Bundle? Deserialize(string json, string where, out string? error)
    {
        var issues = new List<CodedException>();
        Bundle? bundle;
        try
        {
            bundle = DeserializeWithIssues(json, issues);
        }
        catch (JsonException ex)
        {
            // The parser's messages quote the text; ours (no position) do not.
            error = ex.BytePositionInLine is { } at ? $"{where}: not valid JSON (at character {at + 1})" : $"{where}: not valid JSON: {ex.Message}";
            return null;
        }
        error = issues.Count > 0 ? Describe(issues[0], where) : bundle is null ? $"{where}: not a FHIR Bundle" : null;
        return bundle;
    }

    /// <summary>The bundle, even when the library found problems (its partial result), or null when the JSON is not a Bundle.</summary>
    private Bundle? DeserializeWithIssues(string json, List<CodedException> issues)
    {
        Resource? resource;
        IEnumerable<CodedException> found;
        try
        {
            deserializer.TryDeserializeResource(json, out resource, out found);
        }
        catch (InvalidOperationException ex)
        {
            // System.Text.Json checks \u escapes only when a string is read, and the FHIR library does not catch it.
            throw new JsonException("a \\u escape is not a valid UTF-16 surrogate pair", ex);
        }
        catch (IndexOutOfRangeException ex)
        {
            // The FHIR library (5.x) indexes past the end of a property name it cannot map, such as "" (found by healthstats fuzz).
            throw new JsonException("a property name is empty or not a FHIR element name", ex);
        }
        issues.AddRange(found);
        return resource as Bundle;
    }

    private static string? BundleTypeError(Bundle bundle, string where) =>
        bundle.Type is Bundle.BundleType.Collection or Bundle.BundleType.Transaction
            ? null
            : $"{where}: Bundle.type is '{bundle.TypeElement?.JsonValue?.ToString() ?? "missing"}' where collection or transaction is expected";

    private static int? EntryOf(CodedException issue) =>
        issue is ExtendedCodedException { InstancePath: { } path } && EntryPath().Match(path) is { Success: true } match
            ? int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture)
            : null;

    private static string Describe(CodedException issue, string where)
    {
        var (message, path) = issue is ExtendedCodedException extended ? (extended.BaseErrorMessage, extended.InstancePath) : (issue.Message, null);
        return $"{where}: {(path is null ? "" : path + ": ")}{Literal().Replace(message, m => m.Value[0] is '\'' or '"' ? $"{m.Value[0]}…{m.Value[0]}" : "…")} ({issue.ErrorCode})";
    }

    /// <summary>
    /// Fills the record from one Encounter, adding to <paramref name="used"/> the positions of the entries
    /// that make up the abstract. Fields are read one by one, so that a partial result (from JSON the
    /// library refused, which throws where the refused element is read) still gives what it can.
    /// </summary>
    private void Fill(RawAbstract record, BundleIndex index, BundleIndex.Entry encounterEntry, List<BundleIndex.Entry> procedures,
        string where, ref string? error, HashSet<int>? used = null)
    {
        used ??= [];
        used.Add(encounterEntry.Position);
        var encounter = (Encounter)encounterEntry.Resource;

        var patientEntry = encounter.Subject is { } subject ? index.Resolve(subject) : null;
        if (patientEntry is null)
        {
            var patients = index.Entries.Where(e => e.Resource is Patient).ToList();
            if (encounter.Subject?.Reference is not null && patients.Count > 0)
                error ??= $"{where}: Encounter.subject points to no Patient in the bundle";
            patientEntry = patients.Count == 1 ? patients[0] : null;
        }
        if (patientEntry?.Resource is Patient patient)
        {
            used.Add(patientEntry.Position);
            FillPatient(record, patient);
        }
        else
        {
            error ??= $"{where}: no Patient for the Encounter";
        }

        record.FacilityId = Safe(() => Organisation(index, encounter.ServiceProvider));
        record.AbstractId = Safe(() => (encounter.Identifier.FirstOrDefault(i => i.Use == Identifier.IdentifierUse.Official) ?? encounter.Identifier.FirstOrDefault())?.Value);
        record.Action = Safe(() => Text(encounter.GetExtension(FhirNames.ActionExtension)?.Value))
            ?? (encounterEntry.Method == Bundle.HTTPVerb.DELETE ? "D" : null);
        (record.AdmitDate, record.AdmitTime) = DateAndTime(Safe(() => encounter.Period?.Start));
        (record.DischargeDate, record.DischargeTime) = DateAndTime(Safe(() => encounter.Period?.End));
        record.AdmitCategory = Safe(() => Text(encounter.GetExtension(FhirNames.AdmitCategoryExtension)?.Value)
            ?? encounter.Hospitalization?.AdmitSource?.Coding.FirstOrDefault(c => c.System == FhirNames.AdmitCategorySystem)?.Code);
        record.DischargeDisposition = Safe(() => Code(encounter.Hospitalization?.DischargeDisposition, FhirNames.DischargeDispositionSystem));
        record.InstitutionFrom = Safe(() => Organisation(index, encounter.Hospitalization?.Origin));
        record.InstitutionTo = Safe(() => Organisation(index, encounter.Hospitalization?.Destination));
        record.AlcDays = Safe(() => Text(encounter.GetExtension(FhirNames.AlcDaysExtension)?.Value));
        record.CoderId = Safe(() => Text(encounter.GetExtension(FhirNames.CoderIdExtension)?.Value));
        record.AbstractCompletedDate = Safe(() => Text(encounter.GetExtension(FhirNames.AbstractCompletedDateExtension)?.Value));

        if (encounter.Diagnosis.Count > AbstractColumns.MaxDiagnoses)
            error ??= $"{where}: Encounter.diagnosis has {encounter.Diagnosis.Count} entries where at most {AbstractColumns.MaxDiagnoses} are allowed";
        for (var i = 0; i < encounter.Diagnosis.Count; i++)
        {
            var diagnosis = encounter.Diagnosis[i];
            var conditionEntry = diagnosis.Condition is { } reference ? index.Resolve(reference) : null;
            if (conditionEntry?.Resource is not Condition condition)
            {
                error ??= $"{where}: Encounter.diagnosis[{i}].condition points to no Condition in the bundle";
                continue;
            }
            used.Add(conditionEntry.Position);
            if (record.Diagnoses.Count < AbstractColumns.MaxDiagnoses)
                record.Diagnoses.Add((Safe(() => Code(condition.Code, options.DiagnosisSystem)), Safe(() => DiagnosisType(diagnosis))));
        }

        if (procedures.Count > AbstractColumns.MaxInterventions)
            error ??= $"{where}: the abstract has {procedures.Count} Procedures where at most {AbstractColumns.MaxInterventions} are allowed";
        foreach (var entry in procedures)
        {
            var procedure = (Procedure)entry.Resource;
            if (procedure.Encounter is { } owner && index.Resolve(owner) != encounterEntry)
            {
                error ??= $"{where}: the Procedure at entry[{entry.Position}] points to another Encounter or to none in the bundle";
                continue;
            }
            used.Add(entry.Position);
            var performed = Safe(() => procedure.Performed switch
            {
                FhirDateTime dateTime => dateTime.Value,
                Period period => period.Start,
                _ => null,
            });
            if (record.Interventions.Count < AbstractColumns.MaxInterventions)
                record.Interventions.Add((Safe(() => Code(procedure.Code, options.InterventionSystem)), DateAndTime(performed).Date));
        }
    }

    /// <summary>The value, or null where the library refused the element (the record has that error already).</summary>
    private static string? Safe(Func<string?> read)
    {
        try
        {
            return read();
        }
        catch (CodedException)
        {
            return null;
        }
    }

    private static void FillPatient(RawAbstract record, Patient patient)
    {
        record.ChartNumber = Safe(() => IdentifierOfType(patient, FhirNames.MedicalRecordNumber));
        record.HealthCardNumber = Safe(() => IdentifierOfType(patient, FhirNames.JurisdictionalHealthNumber));
        record.Sex = Safe(() => patient.Gender switch
        {
            AdministrativeGender.Male => "M",
            AdministrativeGender.Female => "F",
            AdministrativeGender.Other => "O",
            AdministrativeGender.Unknown => "U",
            _ => null,
        });
        record.BirthDate = Safe(() => patient.BirthDate);
        Address? address = null;
        try
        {
            address = patient.Address.FirstOrDefault(a => a.Use == Address.AddressUse.Home && a.PostalCode is not null)
                ?? patient.Address.FirstOrDefault(a => a.PostalCode is not null)
                ?? patient.Address.FirstOrDefault();
        }
        catch (CodedException)
        {
            // Left empty: the refused element is the record's error already.
        }
        record.PostalCode = Safe(() => address?.PostalCode);
        record.ResidenceRegion = Safe(() => Text(patient.GetExtension(FhirNames.ResidenceRegionExtension)?.Value) ?? address?.District);
    }

    private static string? IdentifierOfType(Patient patient, string typeCode) =>
        patient.Identifier.FirstOrDefault(i => i.Type?.Coding.Any(c => c.Code == typeCode && (c.System is null || c.System == FhirNames.IdentifierTypeSystem)) == true)?.Value;

    /// <summary>The organisation's identifier: on the reference itself, or on the Organization it points to.</summary>
    private static string? Organisation(BundleIndex index, ResourceReference? reference)
    {
        if (reference is null)
            return null;
        if (reference.Identifier?.Value is { } value)
            return value;
        return index.Resolve(reference)?.Resource is Organization organization ? organization.Identifier.FirstOrDefault()?.Value : null;
    }

    /// <summary>The configured extension's code, else M for rank 1 with use AD, DD or billing, else 3.</summary>
    private string DiagnosisType(Encounter.DiagnosisComponent diagnosis)
    {
        if (Text(diagnosis.GetExtension(options.DiagnosisTypeExtension)?.Value) is { } type)
            return type;
        var main = diagnosis.Rank == 1 && diagnosis.Use?.Coding.Any(c => c.Code is not null && MainDiagnosisUses.Contains(c.Code)) == true;
        return main ? "M" : "3";
    }

    /// <summary>The code of the coding in the preferred system, else of the first coding.</summary>
    private static string? Code(CodeableConcept? concept, string preferredSystem) =>
        concept is null ? null : (concept.Coding.FirstOrDefault(c => c.System == preferredSystem) ?? concept.Coding.FirstOrDefault())?.Code;

    private static string? Text(DataType? value) => value switch
    {
        null => null,
        Integer integer => integer.Value?.ToString(CultureInfo.InvariantCulture),
        UnsignedInt unsigned => unsigned.Value?.ToString(CultureInfo.InvariantCulture),
        PositiveInt positive => positive.Value?.ToString(CultureInfo.InvariantCulture),
        Identifier identifier => identifier.Value,
        PrimitiveType primitive => primitive.JsonValue?.ToString(),
        _ => null,
    };

    /// <summary>
    /// The local date and clock time as written: the DAD records the facility's wall clock, so the
    /// offset FHIR requires on a time is not applied. A value that is not an ISO date passes through
    /// whole so that validation rejects it.
    /// </summary>
    private static (string? Date, string? Time) DateAndTime(string? value)
    {
        if (value is null)
            return (null, null);
        if (value.Length >= 16 && value[10] == 'T')
            return (value[..10], value[11..16]);
        return (value, null);
    }

    [GeneratedRegex(@"Bundle\.entry\[(\d+)\]")]
    private static partial Regex EntryPath();

    /// <summary>A quoted value or a bare number (the library writes "integer 5 is not ..."): either may be personal data.</summary>
    [GeneratedRegex("""'[^']*'|"[^"]*"|-?\d[\w.:+-]*""")]
    private static partial Regex Literal();
}
