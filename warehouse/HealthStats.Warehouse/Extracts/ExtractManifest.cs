using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using HealthStats.Warehouse.Suppression;

namespace HealthStats.Warehouse.Extracts;

/// <summary>
/// manifest.json: the spec as given, the parameters it resolved to, where the numbers come from
/// (last batch, classification versions, software version), each table's rows, the suppression applied
/// with its method and audit, and the SHA-256 of every other file. Its only time is the last batch's.
/// </summary>
public static class ExtractManifest
{
    public static byte[] Write(BuiltExtract extract, IReadOnlyList<ExtractFile> files)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var spec = extract.Spec;
            var policy = extract.Policy;
            var provenance = extract.Provenance;
            json.WriteStartObject();
            json.WriteString("extract", spec.Name);
            json.WriteString("description", spec.Description);
            json.WriteString("data_as_of", provenance.LastBatchCompletedAt?.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
            json.WriteString("last_batch_id", provenance.LastBatchId);
            json.WriteString("software_version", provenance.SoftwareVersion);
            json.WritePropertyName("classification_versions");
            JsonSerializer.Serialize(json, provenance.ClassificationVersions);

            json.WriteStartObject("parameters");
            json.WritePropertyName("fiscal_years");
            JsonSerializer.Serialize(json, spec.FiscalYears);
            json.WritePropertyName("regions");
            JsonSerializer.Serialize(json, spec.Regions);
            json.WriteString("standard_population", spec.StandardPopulation);
            json.WriteStartObject("suppression_policy");
            json.WriteString("name", policy.Name);
            json.WriteNumber("threshold", policy.Threshold);
            json.WriteNumber("protection_width", policy.RequiredWidth);
            json.WriteString("zeros", policy.SuppressZeros ? "suppress" : "release");
            if (policy.MinimumRegionPopulation is { } minimum)
                json.WriteNumber("minimum_region_population", minimum);
            else
                json.WriteNull("minimum_region_population");
            json.WriteEndObject();
            json.WriteEndObject();

            json.WritePropertyName("spec");
            spec.Source.WriteTo(json);

            json.WriteStartArray("tables");
            foreach (var table in extract.Tables)
            {
                json.WriteStartObject();
                json.WriteString("name", table.Spec.Name);
                json.WriteString("indicator", table.Indicator.Id);
                json.WritePropertyName("dimensions");
                JsonSerializer.Serialize(json, table.Spec.Dimensions);
                json.WriteString("governing_count", table.Counts.Count.Column);
                json.WriteString("denominator_count", table.Counts.Denominator?.Column);
                json.WriteNumber("rows", table.Rows.Count);
                json.WriteNumber("suppressed_rows", table.Rows.Count(r => extract.Publication.Cells[r.Cell].IsSuppressed));
                json.WritePropertyName("files");
                JsonSerializer.Serialize(json, new[] { $"{table.Spec.Name}.csv", $"{table.Spec.Name}.parquet" });
                json.WriteEndObject();
            }
            json.WriteEndArray();

            var suppressed = extract.Suppressed;
            json.WriteStartObject("suppression");
            json.WriteString("method", suppressed.Method);
            json.WriteNumber("cells", extract.Publication.Cells.Count);
            json.WriteNumber("relations", extract.Publication.Relations.Count);
            json.WriteNumber("suppressed_cells", extract.Publication.Cells.Count(c => c.IsSuppressed));
            json.WriteNumber("primary_small_count", suppressed.CountOf(SuppressionReason.SmallCount));
            json.WriteNumber("primary_zero", suppressed.CountOf(SuppressionReason.Zero));
            json.WriteNumber("primary_small_population", suppressed.CountOf(SuppressionReason.SmallPopulation));
            json.WriteNumber("complementary", suppressed.CountOf(SuppressionReason.Complementary));
            json.WriteStartObject("audit");
            json.WriteBoolean("passed", extract.Audit.Passed);
            json.WriteNumber("required_width", policy.RequiredWidth);
            json.WriteNumber("intervals_checked", extract.Audit.Intervals.Count);
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("files");
            foreach (var file in files)
            {
                json.WriteStartObject();
                json.WriteString("name", file.Name);
                json.WriteNumber("bytes", file.Bytes);
                json.WriteString("sha256", file.Sha256);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }
}
