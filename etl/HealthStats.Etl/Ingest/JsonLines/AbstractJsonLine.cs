using System.Text.Json;
using static HealthStats.Etl.Ingest.AbstractColumns;

namespace HealthStats.Etl.Ingest.JsonLines;

/// <summary>
/// One line of a JSON Lines abstracts file (formats.md section 2) as a raw abstract. A problem with
/// the line's structure becomes the record's StructureError (so it is quarantined) naming the line and
/// the field, never a value: the message is shown by `quarantine list`. Fields that could be read are
/// kept even then, so that the quarantine export can fill in the columns of a malformed record.
/// </summary>
internal static class AbstractJsonLine
{
    public const string Diagnoses = "diagnoses";
    public const string Interventions = "interventions";

    private static readonly Dictionary<string, Action<RawAbstract, string?>> Scalars = new(StringComparer.OrdinalIgnoreCase)
    {
        [FacilityId] = (r, v) => r.FacilityId = v,
        [AbstractId] = (r, v) => r.AbstractId = v,
        [AbstractColumns.Action] = (r, v) => r.Action = v,
        [ChartNumber] = (r, v) => r.ChartNumber = v,
        [HealthCardNumber] = (r, v) => r.HealthCardNumber = v,
        [Sex] = (r, v) => r.Sex = v,
        [BirthDate] = (r, v) => r.BirthDate = v,
        [PostalCode] = (r, v) => r.PostalCode = v,
        [ResidenceRegion] = (r, v) => r.ResidenceRegion = v,
        [AdmitDate] = (r, v) => r.AdmitDate = v,
        [AdmitTime] = (r, v) => r.AdmitTime = v,
        [DischargeDate] = (r, v) => r.DischargeDate = v,
        [DischargeTime] = (r, v) => r.DischargeTime = v,
        [AdmitCategory] = (r, v) => r.AdmitCategory = v,
        [DischargeDisposition] = (r, v) => r.DischargeDisposition = v,
        [InstitutionFrom] = (r, v) => r.InstitutionFrom = v,
        [InstitutionTo] = (r, v) => r.InstitutionTo = v,
        [AlcDays] = (r, v) => r.AlcDays = v,
        [CoderId] = (r, v) => r.CoderId = v,
        [AbstractCompletedDate] = (r, v) => r.AbstractCompletedDate = v,
    };

    public static RawAbstract Parse(string text, long line, bool ignoreUnknownProperties)
    {
        var record = new RawAbstract { Line = line, RawText = text };
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            // The parser's own message can quote the offending text, which may be personal data.
            record.StructureError = $"line {line}: not valid JSON (at character {ex.BytePositionInLine + 1})";
            return record;
        }
        using (document)
        {
            try
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    record.StructureError = $"line {line}: not a JSON object but {Kind(root.ValueKind)}";
                    return record;
                }
                var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var property in root.EnumerateObject())
                {
                    var name = property.Name;
                    if (!seen.Add(name))
                    {
                        Fail(record, line, name, "appears twice");
                        continue;
                    }
                    if (Scalars.TryGetValue(name, out var set))
                    {
                        if (ScalarText(property.Value, allowNumber: name.Equals(AlcDays, StringComparison.OrdinalIgnoreCase)) is (true, var value))
                            set(record, value);
                        else
                            Fail(record, line, name, $"must be a string{(name.Equals(AlcDays, StringComparison.OrdinalIgnoreCase) ? " or a number" : "")}, not {Kind(property.Value.ValueKind)}");
                    }
                    else if (name.Equals(Diagnoses, StringComparison.OrdinalIgnoreCase))
                    {
                        ReadEntries(record, line, property.Value, Diagnoses, "type", MaxDiagnoses, ignoreUnknownProperties,
                            (code, type) => record.Diagnoses.Add((code, type)));
                    }
                    else if (name.Equals(Interventions, StringComparison.OrdinalIgnoreCase))
                    {
                        ReadEntries(record, line, property.Value, Interventions, "date", MaxInterventions, ignoreUnknownProperties,
                            (code, date) => record.Interventions.Add((code, date)));
                    }
                    else if (!ignoreUnknownProperties)
                    {
                        Fail(record, line, name, "is not a field of the abstracts layout (pass --ignore-unknown-columns to read it anyway)");
                    }
                }
            }
            catch (InvalidOperationException)
            {
                // The parser checks \u escapes only when a string is read: a lone surrogate (\ud800) fails there.
                record.StructureError ??= $"line {line}: a \\u escape is not a valid UTF-16 surrogate pair";
            }
        }
        return record;
    }

    private static void ReadEntries(RawAbstract record, long line, JsonElement value, string field, string second, int max,
        bool ignoreUnknownProperties, Action<string?, string?> add)
    {
        if (value.ValueKind == JsonValueKind.Null)
            return;
        if (value.ValueKind != JsonValueKind.Array)
        {
            Fail(record, line, field, $"must be an array, not {Kind(value.ValueKind)}");
            return;
        }
        var count = value.GetArrayLength();
        if (count > max)
            Fail(record, line, field, $"has {count} entries where at most {max} are allowed");
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var where = $"{field}[{index}]";
            index++;
            if (item.ValueKind != JsonValueKind.Object)
            {
                Fail(record, line, where, $"must be an object, not {Kind(item.ValueKind)}");
                continue;
            }
            string? code = null, other = null;
            var ok = true;
            foreach (var property in item.EnumerateObject())
            {
                var isCode = property.Name.Equals("code", StringComparison.OrdinalIgnoreCase);
                if (!isCode && !property.Name.Equals(second, StringComparison.OrdinalIgnoreCase))
                {
                    if (!ignoreUnknownProperties)
                        Fail(record, line, $"{where}.{property.Name}", $"is not a field of an entry of {field}");
                    continue;
                }
                if (ScalarText(property.Value, allowNumber: false) is (true, var text))
                {
                    if (isCode)
                        code = text;
                    else
                        other = text;
                }
                else
                {
                    Fail(record, line, $"{where}.{property.Name}", $"must be a string, not {Kind(property.Value.ValueKind)}");
                    ok = false;
                }
            }
            if (ok && index <= max)
                add(code, other);
        }
    }

    private static (bool Ok, string? Text) ScalarText(JsonElement value, bool allowNumber) => value.ValueKind switch
    {
        JsonValueKind.String => (true, value.GetString() is { Length: > 0 } s ? s : null),
        JsonValueKind.Null => (true, null),
        JsonValueKind.Number when allowNumber => (true, value.GetRawText()),
        _ => (false, null),
    };

    /// <summary>Keeps the first problem: it is the one a correction should start with.</summary>
    private static void Fail(RawAbstract record, long line, string field, string problem) =>
        record.StructureError ??= $"line {line}, field '{field}': {problem}";

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
