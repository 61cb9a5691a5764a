using System.Text.Json.Serialization;

namespace HealthStats.Etl.Handoff;

/// <summary>`healthstats flag`'s choice for the running dashboard: a budget or a threshold, or neither (the default budget).</summary>
public sealed record FlagRequest([property: JsonPropertyName("budget")] int? Budget, [property: JsonPropertyName("threshold")] double? Threshold);
