using System.Text;
using System.Text.Json;

namespace HealthStats.Etl.Ingest.Quarantine;

/// <summary>
/// Writes open quarantined records back out in the abstracts layout (section 1), with the reasons
/// in quarantine_* columns after it, for the facility to correct and send again: the reader skips
/// those columns, so the corrected file loads as it is.
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
            var cells = new List<string>(columns.Length + ReasonColumns.Length);
            foreach (var column in columns)
                cells.Add(fields.TryGetProperty(column, out var value) ? value.GetString() ?? "" : "");
            var malformed = record.GetProperty("rule").GetString() == "S01";
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
