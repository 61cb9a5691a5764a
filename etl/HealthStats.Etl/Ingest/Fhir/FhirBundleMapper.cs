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
/// shown by `quarantine list`, and the library's own messages quote values, so those are blanked.
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
        record.StructureError = error;
        return record;
    }

    /// <summary>
    /// A single bundle holding many abstracts: one per Encounter, with the Conditions its diagnoses
    /// point to and the Procedures that point to it. A record's line is its Encounter's position in
    /// Bundle.entry, counting from 1; problems that belong to no Encounter come as records of their own.
    /// </summary>
    public IEnumerable<RawAbstract> MapSingleBundle(string json)
    {
        JsonDocument? document = null;
        string? syntaxError = null;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            syntaxError = $"the file is not valid JSON (line {(ex.LineNumber ?? 0) + 1}, character {(ex.BytePositionInLine ?? 0) + 1})";
        }
        if (document is null)
        {
            yield return new RawAbstract { Line = 0, RawText = json, StructureError = syntaxError };
            yield break;
        }
        using (document)
        {
            var rawEntries = document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("entry", out var entryArray) && entryArray.ValueKind == JsonValueKind.Array
                ? entryArray.EnumerateArray().Select(e => e.GetRawText()).ToList()
                : [];
            var issues = new List<CodedException>();
            var bundle = DeserializeWithIssues(json, issues);
            if (bundle is null || issues.Any(i => EntryOf(i) is null) || BundleTypeError(bundle, "the bundle") is not null)
            {
                var error = bundle is null ? "the file is not a FHIR Bundle"
                    : BundleTypeError(bundle, "the bundle") ?? Describe(issues.First(i => EntryOf(i) is null), "the bundle");
                yield return new RawAbstract { Line = 0, RawText = json, StructureError = error };
                yield break;
            }
            var entryErrors = issues.GroupBy(i => EntryOf(i)!.Value).ToDictionary(g => g.Key, g => Describe(g.First(), $"entry[{g.Key}]"));
            var index = new BundleIndex(bundle);
            var procedures = new Dictionary<BundleIndex.Entry, List<BundleIndex.Entry>>();
            foreach (var entry in index.Entries.Where(e => e.Resource is Encounter))
                procedures[entry] = [];
            var singleEncounter = procedures.Count == 1 ? procedures.Keys.First() : null;
            foreach (var entry in index.Entries.Where(e => e.Resource is Procedure))
            {
                var reference = ((Procedure)entry.Resource).Encounter;
                var owner = reference is null ? singleEncounter : index.Resolve(reference);
                if (owner is not null && procedures.TryGetValue(owner, out var list))
                {
                    list.Add(entry);
                    continue;
                }
                yield return new RawAbstract
                {
                    Line = entry.Position + 1, RawText = rawEntries.ElementAtOrDefault(entry.Position) ?? "",
                    StructureError = reference is null
                        ? $"entry[{entry.Position}]: the Procedure has no encounter reference, and the bundle holds {procedures.Count} Encounters"
                        : $"entry[{entry.Position}]: the Procedure's encounter reference points to no Encounter in the bundle",
                };
            }
            if (procedures.Count == 0)
                yield return new RawAbstract { Line = 0, RawText = json, StructureError = "the bundle holds no Encounter" };
            foreach (var (encounter, itsProcedures) in procedures)
            {
                var where = $"entry[{encounter.Position}]";
                string? error = null;
                var record = new RawAbstract { Line = encounter.Position + 1, RawText = "" };
                var used = Fill(record, index, encounter, itsProcedures, where, ref error);
                foreach (var position in used.Order())
                {
                    if (entryErrors.TryGetValue(position, out var entryError))
                    {
                        error ??= entryError;
                        break;
                    }
                }
                record.StructureError = error;
                yield return WithRawText(record, used.Order().Select(p => rawEntries.ElementAtOrDefault(p) ?? "null"));
            }
        }
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
            error = $"{where}: not valid JSON (at character {(ex.BytePositionInLine ?? 0) + 1})";
            return null;
        }
        error = issues.Count > 0 ? Describe(issues[0], where) : bundle is null ? $"{where}: not a FHIR Bundle" : null;
        return bundle;
    }

    /// <summary>The bundle, even when the library found problems (its partial result), or null when the JSON is not a Bundle.</summary>
    private Bundle? DeserializeWithIssues(string json, List<CodedException> issues)
    {
        deserializer.TryDeserializeResource(json, out var resource, out var found);
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
        return $"{where}: {(path is null ? "" : path + ": ")}{QuotedLiteral().Replace(message, "'…'")} ({issue.ErrorCode})";
    }

    /// <summary>Fills the record from one Encounter; returns the entry positions that make up the abstract.</summary>
    private HashSet<int> Fill(RawAbstract record, BundleIndex index, BundleIndex.Entry encounterEntry, List<BundleIndex.Entry> procedures,
        string where, ref string? error)
    {
        var used = new HashSet<int> { encounterEntry.Position };
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

        record.FacilityId = Organisation(index, encounter.ServiceProvider);
        record.AbstractId = (encounter.Identifier.FirstOrDefault(i => i.Use == Identifier.IdentifierUse.Official) ?? encounter.Identifier.FirstOrDefault())?.Value;
        record.Action = Text(encounter.GetExtension(FhirNames.ActionExtension)?.Value)
            ?? (encounterEntry.Method == Bundle.HTTPVerb.DELETE ? "D" : null);
        (record.AdmitDate, record.AdmitTime) = DateAndTime(encounter.Period?.Start);
        (record.DischargeDate, record.DischargeTime) = DateAndTime(encounter.Period?.End);
        var stay = encounter.Hospitalization;
        record.AdmitCategory = Text(encounter.GetExtension(FhirNames.AdmitCategoryExtension)?.Value)
            ?? stay?.AdmitSource?.Coding.FirstOrDefault(c => c.System == FhirNames.AdmitCategorySystem)?.Code;
        record.DischargeDisposition = Code(stay?.DischargeDisposition, FhirNames.DischargeDispositionSystem);
        record.InstitutionFrom = Organisation(index, stay?.Origin);
        record.InstitutionTo = Organisation(index, stay?.Destination);
        record.AlcDays = Text(encounter.GetExtension(FhirNames.AlcDaysExtension)?.Value);
        record.CoderId = Text(encounter.GetExtension(FhirNames.CoderIdExtension)?.Value);
        record.AbstractCompletedDate = Text(encounter.GetExtension(FhirNames.AbstractCompletedDateExtension)?.Value);

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
                record.Diagnoses.Add((Code(condition.Code, options.DiagnosisSystem), DiagnosisType(diagnosis)));
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
            var performed = procedure.Performed switch
            {
                FhirDateTime dateTime => dateTime.Value,
                Period period => period.Start,
                _ => null,
            };
            if (record.Interventions.Count < AbstractColumns.MaxInterventions)
                record.Interventions.Add((Code(procedure.Code, options.InterventionSystem), DateAndTime(performed).Date));
        }
        return used;
    }

    private static void FillPatient(RawAbstract record, Patient patient)
    {
        record.ChartNumber = IdentifierOfType(patient, FhirNames.MedicalRecordNumber);
        record.HealthCardNumber = IdentifierOfType(patient, FhirNames.JurisdictionalHealthNumber);
        record.Sex = patient.Gender switch
        {
            AdministrativeGender.Male => "M",
            AdministrativeGender.Female => "F",
            AdministrativeGender.Other => "O",
            AdministrativeGender.Unknown => "U",
            _ => null,
        };
        record.BirthDate = patient.BirthDate;
        var address = patient.Address.FirstOrDefault(a => a.Use == Address.AddressUse.Home && a.PostalCode is not null)
            ?? patient.Address.FirstOrDefault(a => a.PostalCode is not null)
            ?? patient.Address.FirstOrDefault();
        record.PostalCode = address?.PostalCode;
        record.ResidenceRegion = Text(patient.GetExtension(FhirNames.ResidenceRegionExtension)?.Value) ?? address?.District;
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

    [GeneratedRegex("'[^']*'")]
    private static partial Regex QuotedLiteral();
}
