using System.Text.Json;
using HealthStats.Etl.Ingest.Validation;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Ingest.Quarantine;

/// <summary>
/// Keeps rejected records, raw, with every reason, one JSON object a line in
/// quarantine/batch-ID.jsonl. It is the only place raw personal data is kept after ingest, so the
/// file is readable by its owner only and is never loaded into the warehouse or the lake. Each record
/// says which input format its raw text is in, so that the export can read it back with that format's reader.
/// </summary>
internal sealed class QuarantineWriter(string path, string batchId, string fileName, string format = AbstractSources.Csv) : IDisposable
{
    private StreamWriter? writer;
    private Utf8JsonWriter? json;

    public string Path => path;

    public int Count { get; private set; }

    public void Add(RawAbstract record, IReadOnlyList<ValidationIssue> issues)
    {
        if (writer is null)
        {
            writer = new StreamWriter(OwnerOnly.CreateFile(path, FileMode.Create));
            json = new Utf8JsonWriter(writer.BaseStream);
        }
        var first = issues.First(i => i.Severity == Severity.Error);
        json!.Reset();
        json.WriteStartObject();
        json.WriteString("batch_id", batchId);
        json.WriteString("file", fileName);
        json.WriteString("format", format);
        json.WriteNumber("line", record.Line);
        json.WriteString("facility_id", record.FacilityId?.Trim());
        json.WriteString("abstract_id", record.AbstractId?.Trim());
        json.WriteString("rule", first.Rule.Id);
        json.WriteString("field", first.Field);
        json.WriteString("reason", first.Message);
        json.WriteStartArray("issues");
        foreach (var issue in issues)
        {
            json.WriteStartObject();
            json.WriteString("rule", issue.Rule.Id);
            json.WriteString("severity", issue.Severity == Severity.Error ? "error" : "warning");
            json.WriteString("field", issue.Field);
            json.WriteString("message", issue.Message);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("fields");
        foreach (var (column, value) in RawAbstractColumns.Values(record))
            json.WriteString(column, value);
        json.WriteEndObject();
        json.WriteString("raw", record.RawText);
        json.WriteEndObject();
        json.Flush();
        writer.BaseStream.WriteByte((byte)'\n');
        Count++;
    }

    public void Complete()
    {
        json?.Flush();
        writer?.Flush();
        (writer?.BaseStream as FileStream)?.Flush(flushToDisk: true);
    }

    /// <summary>Removes the file: the batch did not land, so its quarantine must not stay either.</summary>
    public void Discard()
    {
        Dispose();
        File.Delete(path);
    }

    public void Dispose()
    {
        json?.Dispose();
        writer?.Dispose();
        json = null;
        writer = null;
    }

    public static IEnumerable<JsonElement> ReadAll(string quarantineDirectory)
    {
        if (!Directory.Exists(quarantineDirectory))
            yield break;
        foreach (var file in Directory.EnumerateFiles(quarantineDirectory, "batch-*.jsonl").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file))
            {
                if (line.Length > 0)
                    yield return JsonDocument.Parse(line).RootElement.Clone();
            }
        }
    }
}
