using System.Reflection;
using System.Text;
using System.Text.Json;
using Json.Schema;

namespace HealthStats.Warehouse.Extracts;

/// <summary>The published JSON Schema of extract specs (extract-spec.schema.json, embedded), and validation against it.</summary>
public static class ExtractSpecSchema
{
    /// <summary>The schema's text, as published.</summary>
    public static string Text { get; } = ReadText();

    // Its own registry: the schema's $id registered once per process would clash in a shared global one.
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(Text, new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    /// <summary>Every place the document breaks the schema, as JSON paths with messages, in document order.</summary>
    public static IReadOnlyList<ExtractSpecProblem> Validate(JsonElement document)
    {
        var results = Schema.Value.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
            return [];
        var problems = new List<ExtractSpecProblem>();
        foreach (var detail in (results.Details ?? []).Prepend(results))
        {
            if (detail.IsValid || detail.Errors is null)
                continue;
            var path = JsonPath(detail.InstanceLocation.ToString());
            foreach (var (keyword, message) in detail.Errors)
                problems.Add(new ExtractSpecProblem(path, Explain(keyword, message, path)));
        }
        // anyOf and the false schema of additionalProperties report from several places: keep each once.
        return problems.Distinct().ToList();
    }

    private static string Explain(string keyword, string message, string path) => keyword switch
    {
        _ when message.Contains("false schema", StringComparison.Ordinal) => $"'{path[(path.LastIndexOfAny(['.', '['])+ 1)..].TrimEnd(']')}' is not a property the schema allows here",
        "anyOf" or "required" when path.EndsWith("suppression", StringComparison.Ordinal) && message.Contains("policy", StringComparison.Ordinal) =>
            "give a named policy (CIHI, HCUP, CMS) or a threshold",
        _ => message,
    };

    // JSON Pointer (/tables/0/name) to the JSON path people read ($.tables[0].name).
    internal static string JsonPath(string pointer)
    {
        var path = new StringBuilder("$");
        foreach (var raw in pointer.Split('/').Skip(1))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (segment.Length > 0 && segment.All(char.IsAsciiDigit))
                path.Append('[').Append(segment).Append(']');
            else if (segment.Length > 0 && segment.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !char.IsAsciiDigit(segment[0]))
                path.Append('.').Append(segment);
            else
                path.Append("['").Append(segment.Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
        }
        return path.ToString();
    }

    private static string ReadText()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("extracts/extract-spec.schema.json")
            ?? throw new InvalidOperationException("the embedded extract-spec.schema.json is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
