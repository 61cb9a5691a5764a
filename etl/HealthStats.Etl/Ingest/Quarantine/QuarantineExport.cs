using System.Text;
using System.Text.Json;
using HealthStats.Etl.Ingest.Fhir;
using HealthStats.Etl.Ingest.JsonLines;

namespace HealthStats.Etl.Ingest.Quarantine;

/// <summary>
/// Writes open quarantined records back out in the abstracts layout (section 1), with the reasons
/// in quarantine_* columns after it, for the facility to correct and send again: the reader skips
/// those columns, so the corrected file loads as it is. A record that came as JSON Lines or FHIR goes
/// out as CSV too: its fields are the ones its reader found, and a malformed one (which has no fields
/// of its own in quarantine) is read again from its raw text with its own format's reader, so that
/// whatever could be read fills the columns and the raw text goes beside them.
/// </summary>
public static class QuarantineExport
{
    public static readonly string[] ReasonColumns =
        ["quarantine_batch", "quarantine_file", "quarantine_line", "quarantine_rule", "quarantine_field", "quarantine_reason", "quarantine_raw"];

    /// <summary>Exports the records of the quarantine files whose (batch, line) is in <paramref name="open"/>. Returns how many were written.</summary>
    public static int Write(string quarantineDirectory, IReadOnlySet<(string BatchId, long Line)> open, TextWriter output)
    {
        var columns = AbstractColumns.All().ToArray();
        output.Write(string.Join(',', columns.Concat(ReasonColumns)));
        output.Write('\n');
        var written = 0;
        foreach (var record in QuarantineWriter.ReadAll(quarantineDirectory))
        {
            var key = (record.GetProperty("batch_id").GetString()!, record.GetProperty("line").GetInt64());
            if (!open.Contains(key))
                continue;
            var fields = record.GetProperty("fields");
            var malformed = record.GetProperty("rule").GetString() == "S01";
            var reread = malformed ? ReadAgain(record, key.Item2) : null;
            var cells = new List<string>(columns.Length + ReasonColumns.Length);
            foreach (var column in columns)
            {
                if (reread is not null)
                    cells.Add(reread.GetValueOrDefault(column) ?? "");
                else
                    cells.Add(fields.TryGetProperty(column, out var value) ? value.GetString() ?? "" : "");
            }
            cells.Add(key.Item1);
            cells.Add(record.GetProperty("file").GetString() ?? "");
            cells.Add(key.Item2.ToString(System.Globalization.CultureInfo.InvariantCulture));
            cells.Add(record.GetProperty("rule").GetString() ?? "");
            cells.Add(record.GetProperty("field").GetString() ?? "");
            cells.Add(Reasons(record));
            // A record that could not be split into fields is given back as it was sent.
            cells.Add(malformed ? record.GetProperty("raw").GetString() ?? "" : "");
            output.Write(string.Join(',', cells.Select(Quote)));
            output.Write('\n');
            written++;
        }
        return written;
    }

    /// <summary>
    /// A malformed JSON Lines or FHIR record's fields, read again from its raw text (unknown properties
    /// ignored: the reason columns say what was wrong); null for CSV, whose malformed row cannot be
    /// split without its file's header.
    /// </summary>
    private static Dictionary<string, string>? ReadAgain(JsonElement record, long line)
    {
        var format = record.TryGetProperty("format", out var f) ? f.GetString() : AbstractSources.Csv;
        var raw = record.GetProperty("raw").GetString() ?? "";
        RawAbstract? again = format switch
        {
            AbstractSources.JsonLines => AbstractJsonLine.Parse(raw, line, ignoreUnknownProperties: true),
            AbstractSources.Fhir => new FhirBundleMapper(new FhirReaderOptions()).MapLine(raw, line),
            _ => null,
        };
        return again is null ? null : RawAbstractColumns.Values(again).ToDictionary(StringComparer.Ordinal);
    }

    private static string Reasons(JsonElement record) =>
        string.Join("; ", record.GetProperty("issues").EnumerateArray()
            .Select(i => $"{i.GetProperty("rule").GetString()} {i.GetProperty("field").GetString()}: {i.GetProperty("message").GetString()}"));

    private static string Quote(string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
            return value;
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
