using System.Globalization;
using System.Text;
using System.Text.Json;
using HealthStats.Warehouse.Extracts;

namespace HealthStats.Etl.Audit;

/// <summary>
/// The audit log as files for an auditor: JSON Lines holds every field exactly, with both hashes, so
/// that the chain can be checked again away from HealthStats (ReadJsonLines and AuditChain.Verify, or
/// the encoding in the README); CSV is for reading in a spreadsheet, its text made inert as extracts'
/// CSV is (a value beginning with = gets an apostrophe), so it is not the copy to re-verify.
/// </summary>
public static class AuditExport
{
    public static readonly IReadOnlyList<string> Columns = ["sequence", "time", "actor", "action", "target", "source", "previous_hash", "hash"];

    public static string Csv(IEnumerable<AuditEntry> entries)
    {
        var csv = new StringBuilder();
        CsvText.AppendLine(csv, Columns);
        foreach (var e in entries)
            CsvText.AppendLine(csv, [e.Sequence, AuditChain.FormatTime(e.Time), e.Actor, e.Action, e.Target, e.Source, e.PreviousHash, e.Hash]);
        return csv.ToString();
    }

    public static void WriteJsonLines(IEnumerable<AuditEntry> entries, TextWriter writer)
    {
        foreach (var e in entries)
        {
            writer.Write(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["sequence"] = e.Sequence,
                ["time"] = AuditChain.FormatTime(e.Time),
                ["actor"] = e.Actor,
                ["action"] = e.Action,
                ["target"] = e.Target,
                ["source"] = e.Source,
                ["previous_hash"] = e.PreviousHash,
                ["hash"] = e.Hash,
            }));
            writer.Write('\n');
        }
    }

    /// <summary>Reads a JSON Lines export back; a FormatException naming the line that is not an entry.</summary>
    public static IEnumerable<AuditEntry> ReadJsonLines(TextReader reader)
    {
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0)
                continue;
            AuditEntry entry;
            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                entry = new AuditEntry(
                    root.GetProperty("sequence").GetInt64(),
                    DateTimeOffset.Parse(root.GetProperty("time").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
                    root.GetProperty("actor").GetString()!,
                    root.GetProperty("action").GetString()!,
                    root.GetProperty("target").GetString()!,
                    root.GetProperty("source").GetString()!,
                    root.GetProperty("previous_hash").GetString()!,
                    root.GetProperty("hash").GetString()!);
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new FormatException($"line {number} is not an audit entry: {ex.Message}", ex);
            }
            yield return entry;
        }
    }
}
