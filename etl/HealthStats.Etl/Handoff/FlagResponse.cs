using System.Text.Json.Serialization;
using HealthStats.Etl.CodingQuality;

namespace HealthStats.Etl.Handoff;

/// <summary>What the running dashboard scored for `healthstats flag`, and the flags, for the CLI to write.</summary>
public sealed record FlagResponse([property: JsonPropertyName("scoring")] ScoringResult Scoring, [property: JsonPropertyName("flags")] IReadOnlyList<Flag> Flags);
