using System.Text.Json;

namespace HealthStats.Warehouse.Extracts;

/// <summary>
/// Reads a spec file: JSON, then the published schema, then the indicator library (indicators and
/// dimensions that exist, filters they take). Every problem found is reported at once, each naming the
/// file and the JSON path, so that a ministry's analyst fixes the spec in one go.
/// </summary>
public static class ExtractSpecReader
{
    public static ExtractSpec Read(string file)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ExtractSpecException(file, [new ExtractSpecProblem("$", $"cannot be read: {ex.Message}")]);
        }
        return Parse(text, file);
    }

    public static ExtractSpec Parse(string text, string file)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new ExtractSpecException(file, [new ExtractSpecProblem(
                ex.Path is { Length: > 0 } p ? p : "$", $"is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): {ex.Message.Split(" Path:")[0]}")]);
        }

        var problems = ExtractSpecSchema.Validate(root);
        if (problems.Count > 0)
            throw new ExtractSpecException(file, problems);

        var spec = ToSpec(root, file);
        var meaning = ExtractSpecChecker.Check(spec);
        if (meaning.Count > 0)
            throw new ExtractSpecException(file, meaning);
        return spec;
    }

    // The schema has passed, so every property has its kind.
    private static ExtractSpec ToSpec(JsonElement root, string file)
    {
        var suppression = root.GetProperty("suppression");
        return new ExtractSpec
        {
            Name = root.GetProperty("name").GetString()!,
            Description = root.TryGetProperty("description", out var d) ? d.GetString() : null,
            FiscalYears = Strings(root, "fiscal_years"),
            Regions = root.TryGetProperty("geography", out var g) ? Strings(g, "regions") : [],
            StandardPopulation = root.TryGetProperty("standard_population", out var s) ? s.GetString() : null,
            Suppression = new ExtractSuppressionSpec(
                suppression.TryGetProperty("policy", out var p) ? p.GetString() : null,
                suppression.TryGetProperty("threshold", out var t) ? t.GetInt32() : null,
                suppression.TryGetProperty("protection_width", out var w) ? w.GetInt32() : null,
                suppression.TryGetProperty("zeros", out var z) ? z.GetString() == "suppress" : null,
                suppression.TryGetProperty("minimum_region_population", out var m),
                m.ValueKind == JsonValueKind.Number ? m.GetInt64() : null),
            Tables = root.GetProperty("tables").EnumerateArray().Select(table => new ExtractTableSpec(
                table.GetProperty("name").GetString()!,
                table.GetProperty("indicator").GetString()!,
                Strings(table, "dimensions"),
                table.TryGetProperty("filters", out var filters)
                    ? filters.EnumerateObject().Select(f => KeyValuePair.Create(f.Name, (IReadOnlyList<string>)f.Value.EnumerateArray().Select(v => v.GetString()!).ToList())).ToList()
                    : [])).ToList(),
            Source = root,
            File = file,
        };
    }

    private static List<string> Strings(JsonElement parent, string property) =>
        parent.TryGetProperty(property, out var array) ? array.EnumerateArray().Select(v => v.GetString()!).ToList() : [];
}
