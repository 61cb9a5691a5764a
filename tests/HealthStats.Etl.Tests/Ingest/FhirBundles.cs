using System.Text.Json.Nodes;

namespace HealthStats.Etl.Tests.Ingest;

/// <summary>FHIR bundles for tests, as JSON nodes that a test changes before writing them out.</summary>
internal static class FhirBundles
{
    public const string Ext = "https://fhir.healthstats.example/StructureDefinition/";
    public const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";

    /// <summary>One abstract with every field set: entries Patient, Encounter, two Conditions, two Procedures.</summary>
    public static JsonObject Full(string suffix = "1", string type = "collection") => new()
    {
        ["resourceType"] = "Bundle",
        ["type"] = type,
        ["entry"] = new JsonArray(
            Entry(Patient(suffix)),
            Entry(Encounter(suffix)),
            Entry(Condition($"c{suffix}a", new JsonArray(Coding("http://example.org/local", "LOCAL"), Coding(Icd10Cm, "J18.9")))),
            Entry(Condition($"c{suffix}b", new JsonArray(Coding(Icd10Cm, "I10")))),
            Entry(Procedure($"pr{suffix}a", suffix, "5A1955Z", "performedDateTime", JsonValue.Create("2024-05-02"))),
            Entry(Procedure($"pr{suffix}b", suffix, "0DTJ4ZZ", "performedPeriod", new JsonObject { ["start"] = "2024-05-03T10:00:00-04:00" }))),
    };

    public static JsonObject Resource(JsonObject bundle, int entry) => bundle["entry"]![entry]!["resource"]!.AsObject();

    public static JsonObject Entry(JsonObject resource) => new() { ["resource"] = resource };

    public static JsonObject Patient(string suffix) => new()
    {
        ["resourceType"] = "Patient",
        ["id"] = $"p{suffix}",
        ["extension"] = new JsonArray(new JsonObject { ["url"] = Ext + "residence-region", ["valueCode"] = "R01" }),
        ["identifier"] = new JsonArray(
            new JsonObject { ["type"] = Concept("http://terminology.hl7.org/CodeSystem/v2-0203", "MR"), ["value"] = $"CH-{suffix}" },
            new JsonObject { ["type"] = Concept("http://terminology.hl7.org/CodeSystem/v2-0203", "JHN"), ["value"] = $"HC-{suffix}" }),
        ["gender"] = "female",
        ["birthDate"] = "1950-06-15",
        ["address"] = new JsonArray(new JsonObject { ["use"] = "home", ["postalCode"] = "K1A 0B1", ["district"] = "R09" }),
    };

    public static JsonObject Encounter(string suffix) => new()
    {
        ["resourceType"] = "Encounter",
        ["id"] = $"e{suffix}",
        ["extension"] = new JsonArray(
            new JsonObject { ["url"] = Ext + "alc-days", ["valueInteger"] = 2 },
            new JsonObject { ["url"] = Ext + "coder-id", ["valueString"] = "C01" },
            new JsonObject { ["url"] = Ext + "abstract-completed-date", ["valueDate"] = "2024-05-20" }),
        ["identifier"] = new JsonArray(
            new JsonObject { ["system"] = "urn:other", ["value"] = "OTHER" },
            new JsonObject { ["use"] = "official", ["value"] = $"A{suffix}" }),
        ["status"] = "finished",
        ["class"] = new JsonObject { ["code"] = "IMP" },
        ["subject"] = new JsonObject { ["reference"] = $"Patient/p{suffix}" },
        ["period"] = new JsonObject { ["start"] = "2024-05-01T08:30:00-04:00", ["end"] = "2024-05-06T14:00:00-04:00" },
        ["diagnosis"] = new JsonArray(Diagnosis($"Condition/c{suffix}a", "M", 1, "DD"), Diagnosis($"Condition/c{suffix}b", "1", 2, "CM")),
        ["hospitalization"] = new JsonObject
        {
            ["origin"] = new JsonObject { ["identifier"] = new JsonObject { ["value"] = "F009" } },
            ["admitSource"] = Concept("https://fhir.healthstats.example/CodeSystem/admit-category", "U"),
            ["destination"] = new JsonObject { ["identifier"] = new JsonObject { ["value"] = "F010" } },
            ["dischargeDisposition"] = Concept("https://fhir.healthstats.example/CodeSystem/discharge-disposition", "02"),
        },
        ["serviceProvider"] = new JsonObject { ["identifier"] = new JsonObject { ["value"] = "F001" } },
    };

    public static JsonObject Diagnosis(string condition, string? type, int rank, string use)
    {
        var diagnosis = new JsonObject();
        if (type is not null)
            diagnosis["extension"] = new JsonArray(new JsonObject { ["url"] = Ext + "diagnosis-type", ["valueCode"] = type });
        diagnosis["condition"] = new JsonObject { ["reference"] = condition };
        diagnosis["use"] = Concept("http://terminology.hl7.org/CodeSystem/diagnosis-role", use);
        diagnosis["rank"] = rank;
        return diagnosis;
    }

    public static JsonObject Condition(string id, JsonArray codings) => new()
    {
        ["resourceType"] = "Condition",
        ["id"] = id,
        ["code"] = new JsonObject { ["coding"] = codings },
        ["subject"] = new JsonObject { ["reference"] = "Patient/p1" },
    };

    public static JsonObject Procedure(string id, string suffix, string code, string performedName, JsonNode performed) => new()
    {
        ["resourceType"] = "Procedure",
        ["id"] = id,
        ["status"] = "completed",
        ["code"] = Concept("http://www.cms.gov/Medicare/Coding/ICD10", code),
        ["subject"] = new JsonObject { ["reference"] = $"Patient/p{suffix}" },
        ["encounter"] = new JsonObject { ["reference"] = $"Encounter/e{suffix}" },
        [performedName] = performed,
    };

    public static JsonObject Concept(string system, string code) => new() { ["coding"] = new JsonArray(Coding(system, code)) };

    public static JsonObject Coding(string system, string code) => new() { ["system"] = system, ["code"] = code };
}
