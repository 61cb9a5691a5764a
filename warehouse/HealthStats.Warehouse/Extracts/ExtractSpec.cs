using System.Text.Json;

namespace HealthStats.Warehouse.Extracts;

/// <summary>
/// An extract as a ministry asks for it (extract-spec.schema.json): its tables, the fiscal years and
/// regions they cover, the standard population, and the suppression policy.
/// </summary>
public sealed record ExtractSpec
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public required IReadOnlyList<ExtractTableSpec> Tables { get; init; }

    /// <summary>Empty: every fiscal year held.</summary>
    public IReadOnlyList<string> FiscalYears { get; init; } = [];

    /// <summary>Empty: every region held.</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];

    public string? StandardPopulation { get; init; }

    public required ExtractSuppressionSpec Suppression { get; init; }

    /// <summary>The spec file as it was read, copied into the manifest so that it says exactly what was asked.</summary>
    public required JsonElement Source { get; init; }

    /// <summary>The file the spec was read from, for error messages.</summary>
    public required string File { get; init; }
}
