using System.Text.Json.Serialization;

namespace HealthStats.Etl.CodingQuality;

/// <summary>A row of an audit outcomes file that was not imported: where and why.</summary>
public sealed record LabelRejection(
    [property: JsonPropertyName("line")] long Line,
    [property: JsonPropertyName("field")] string Field,
    [property: JsonPropertyName("reason")] string Reason);
